package com.souq.commerce.account.command;

import com.souq.commerce.account.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Plain-text mail templates per language ({@code mail/<template>.<language>.txt}): the first line is the subject,
 * the rest the body; {@code {{name}}} is replaced by its value. Every template exists in English and Arabic.
 */
@Component
class MailTemplates {

    static final java.util.List<String> TEMPLATES = java.util.List.of("verify-email", "password-reset",
            "staff-invitation", "registration-attempt", "order-confirmation");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    record Rendered(String subject, String body) {
    }

    MailTemplates() {
        for (String template : TEMPLATES) {
            for (Language language : Language.values()) {
                text(template, language);
            }
        }
    }

    Rendered render(String template, Language language, Map<String, String> values) {
        String text = text(template, language);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Template " + template + " needs " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        String rendered = out.toString();
        int end = rendered.indexOf('\n');
        return new Rendered(rendered.substring(0, end).strip(), rendered.substring(end + 1).strip() + "\n");
    }

    private static String text(String template, Language language) {
        String path = "/mail/" + template + "." + language.code() + ".txt";
        try (InputStream in = MailTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing mail template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
