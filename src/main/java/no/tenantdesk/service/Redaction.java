package no.tenantdesk.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.store.ErasureMapper;

/**
 * What {@code contact forget} replaces in a text: the person's name, e-mail address and phone number, in any case
 * and (the number) however it is spaced, each by the marker {@code [slettet kontakt #12]}. A pure function of the
 * text: the service decides which texts to ask about.
 */
record Redaction(String marker, List<Pattern> patterns) {

    static Redaction of(long contactId, String name, String email, String phone) {
        List<Pattern> patterns = new ArrayList<>();
        // The longest first: the address "kari.nordmann@…" before a name that is part of it.
        if (email != null && !email.isBlank()) {
            patterns.add(Pattern.compile(Pattern.quote(email.strip()), Pattern.CASE_INSENSITIVE
                    | Pattern.UNICODE_CASE));
        }
        if (name != null && name.strip().length() > 1) {
            // Between the words any run of spaces, dots, dashes or underscores: "Kari  Nordmann" across a line break,
            // "kari.nordmann" and the file "kari-nordmann-tak.jpg" are still her.
            String words = String.join("[\\s._-]+", java.util.Arrays.stream(name.strip().split("\\s+"))
                    .map(Pattern::quote).toList());
            patterns.add(Pattern.compile(words, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.length() >= 5) {
            // "+47 912 34 567", "91234567", "912-34-567": the last eight digits, spaced in any way, after any prefix.
            String local = digits.length() > 8 ? digits.substring(digits.length() - 8) : digits;
            StringBuilder regex = new StringBuilder("(?:\\+?\\d{1,3}[\\s.-]*)?");
            for (int i = 0; i < local.length(); i++) {
                regex.append(i == 0 ? "" : "[\\s.-]*").append(local.charAt(i));
            }
            patterns.add(Pattern.compile("(?<!\\d)" + regex + "(?!\\d)"));
        }
        return new Redaction("[slettet kontakt #" + contactId + "]", List.copyOf(patterns));
    }

    /** The text with every mention replaced; the same string when it has none (null stays null). */
    String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern pattern : patterns) {
            result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(marker));
        }
        return result;
    }

    /** The row's texts with every mention replaced: a row equal to it when none has one. */
    ErasureMapper.Texts rewrite(ErasureMapper.Texts row) {
        return new ErasureMapper.Texts(row.id(), apply(row.first()), apply(row.second()), apply(row.third()));
    }
}
