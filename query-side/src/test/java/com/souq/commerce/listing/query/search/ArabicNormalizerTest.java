package com.souq.commerce.listing.query.search;

import static com.souq.commerce.listing.query.search.ArabicNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicNormalizerTest {

    @Test
    void threeSpellingsOfToyotaCamryBecomeOne() {
        assertThat(normalize("تويوتا كامري")).isEqualTo("تويوتا كامري");
        assertThat(normalize("تويوتا كامرى")).isEqualTo("تويوتا كامري");
        assertThat(normalize("تُويُوتَا كَامْرِي")).isEqualTo("تويوتا كامري");
    }

    @Test
    void dropsEveryDiacriticSuperscriptAlefAndTatweel() {
        assertThat(normalize("مَرْسِيدِسٌ ً ٌ ٍ ّ")).isEqualTo("مرسيدس");
        assertThat(normalize("رحمٰن")).isEqualTo("رحمن");
        assertThat(normalize("سيـــارة")).isEqualTo("سياره");
    }

    @Test
    void foldsAlefVariantsTaaMarboutaAndAlefMaqsura() {
        assertThat(normalize("أإآٱا")).isEqualTo("ااااا");
        assertThat(normalize("سيارة مستعملة")).isEqualTo("سياره مستعمله");
        assertThat(normalize("مستشفى")).isEqualTo("مستشفي");
    }

    @Test
    void turnsArabicIndicAndPersianDigitsIntoAsciiDigits() {
        assertThat(normalize("كامري ٢٠١٩")).isEqualTo("كامري 2019");
        assertThat(normalize("۱۲۳۴۵۶۷۸۹۰")).isEqualTo("1234567890");
    }

    @Test
    void lowerCasesLatinAndKeepsEverythingElse() {
        assertThat(normalize("  Toyota CAMRY 2.5L ")).isEqualTo("toyota camry 2.5l");
        assertThat(normalize("ටොයොටා")).isEqualTo("ටොයොටා");
    }

    @Test
    void nothingBecomesEmptyText() {
        assertThat(normalize(null)).isEmpty();
        assertThat(normalize("")).isEmpty();
    }
}
