package com.souq.commerce.listing.query.search;

import java.util.Locale;

/**
 * Folds the spellings shoppers use for the same Arabic word onto one form, for indexed text and queries alike:
 * diacritics (tashkeel, superscript alef) and tatweel are dropped, alef variants become a bare alef, taa marbouta
 * becomes haa and alef maqsura yaa, Arabic-Indic and Persian digits become ASCII digits, and Latin text is
 * lower-cased. The search node has no analysis-common module (no {@code arabic_normalization} filter), so the engine
 * normalizes in Java before text reaches Elasticsearch; "تُويُوتَا كَامْرِى" and "تويوتا كامري" then meet.
 */
final class ArabicNormalizer {

    private ArabicNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            int replacement = fold(codePoint);
            if (replacement >= 0) {
                folded.appendCodePoint(replacement);
            }
        });
        return folded.toString().toLowerCase(Locale.ROOT).strip();
    }

    /** The folded code point, or -1 when the code point is dropped. */
    private static int fold(int codePoint) {
        if ((codePoint >= 0x064B && codePoint <= 0x0652) || codePoint == 0x0670 || codePoint == 0x0640) {
            return -1;
        }
        if (codePoint >= 0x0660 && codePoint <= 0x0669) {
            return '0' + codePoint - 0x0660;
        }
        if (codePoint >= 0x06F0 && codePoint <= 0x06F9) {
            return '0' + codePoint - 0x06F0;
        }
        return switch (codePoint) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ة' -> 'ه';
            case 'ى' -> 'ي';
            default -> codePoint;
        };
    }
}
