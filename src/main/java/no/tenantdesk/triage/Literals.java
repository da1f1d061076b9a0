package no.tenantdesk.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a rule's pattern cannot match without, so that a text lacking one is passed over without running the
 * pattern: RE2J has no literal search of its own for a case-insensitive pattern and steps its automaton through
 * every character of every text (two thirds of fetch-mail's time with fifty rules). The test is a necessary one only
 * (a text that has the words still meets the pattern itself), so a pattern this reader does not follow simply gets
 * no words.
 *
 * <p>Compared folded ({@link #fold}): each character as {@code toLowerCase(toUpperCase(c))}, which maps the members
 * of each of Unicode's simple case-folding orbits (k, K and the Kelvin sign; s, S and ſ; å, Å and the Ångström sign)
 * to one character, as the pattern's case-insensitive match treats them as one.
 */
final class Literals {

    /** Shorter words are in nearly every text: not worth a search. */
    private static final int SHORTEST = 3;

    private Literals() {}

    /**
     * Folded runs of plain characters outside any group, class or repetition, each of which every match contains;
     * none when the pattern has an alternative ({@code |}) outside a group or a construct not read here.
     */
    static List<String> required(String pattern) {
        List<String> words = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int depth = 0;
        boolean lastLiteral = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            Character literal = null;
            switch (c) {
                case '|' -> {
                    if (depth == 0) {
                        return List.of(); // either side may match alone
                    }
                }
                case '\\' -> {
                    if (++i == pattern.length()) {
                        return List.of();
                    }
                    char escaped = pattern.charAt(i);
                    if (!Character.isLetterOrDigit(escaped)) {
                        literal = escaped;
                    } else if ("bBwWdDsSAz".indexOf(escaped) < 0) {
                        return List.of(); // \x41, \p{L}, \Q…\E, \n: not followed here
                    }
                }
                case '[' -> {
                    i = classEnd(pattern, i);
                    if (i < 0) {
                        return List.of();
                    }
                }
                case '*', '+', '?' -> {
                    dropLast(run, lastLiteral);
                }
                case '{' -> {
                    dropLast(run, lastLiteral);
                    i = pattern.indexOf('}', i);
                    if (i < 0) {
                        return List.of();
                    }
                }
                case '(' -> depth++;
                case ')' -> depth--;
                case '.', '^', '$' -> { }
                default -> literal = c;
            }
            lastLiteral = literal != null && depth == 0;
            if (lastLiteral) {
                run.append(literal.charValue());
            } else {
                end(run, words);
            }
        }
        end(run, words);
        return List.copyOf(words);
    }

    /**
     * The words of each alternative of the pattern ({@code a|b} at its top, or inside one group around all of it, as
     * a rule's whole-value pattern is wrapped): a text the pattern matches has all the words of one of them. Empty,
     * no test, when an alternative needs no words.
     */
    static List<List<String>> alternatives(String pattern) {
        String inner = enclosed(pattern);
        List<List<String>> any = new ArrayList<>();
        int from = 0;
        for (int bar : bars(inner)) {
            List<String> words = required(inner.substring(from, bar));
            if (words.isEmpty()) {
                return List.of();
            }
            any.add(words);
            from = bar + 1;
        }
        return List.copyOf(any);
    }

    /** The text as {@link #required} words are compared with it. */
    static String fold(String text) {
        int i = 0;
        while (i < text.length() && isFoldedAscii(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // most mail: nothing to change
        }
        StringBuilder folded = new StringBuilder(text.length()).append(text, 0, i);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x80) {
                folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                i++;
            } else {
                int point = text.codePointAt(i);
                folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(point)));
                i += Character.charCount(point);
            }
        }
        return folded.toString();
    }

    private static boolean isFoldedAscii(char c) {
        return c < 0x80 && (c < 'A' || c > 'Z');
    }

    /**
     * Where the pattern's top-level alternatives end: each {@code |} outside groups, classes and escapes, and the
     * pattern's length. Only the length when the pattern is not read here (a class with a class inside, a group not
     * closed): then it is one alternative, and {@link #required} says what it needs.
     */
    private static List<Integer> bars(String pattern) {
        List<Integer> bars = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '\\' -> i++;
                case '[' -> {
                    i = classEnd(pattern, i);
                    if (i < 0) {
                        return List.of(pattern.length());
                    }
                }
                case '(' -> depth++;
                case ')' -> depth--;
                case '|' -> {
                    if (depth == 0) {
                        bars.add(i);
                    }
                }
                default -> { }
            }
        }
        if (depth != 0) {
            return List.of(pattern.length());
        }
        bars.add(pattern.length());
        return bars;
    }

    /** The inside of a {@code (?:…)} that encloses the whole pattern; else the pattern. */
    private static String enclosed(String pattern) {
        if (!pattern.startsWith("(?:") || !pattern.endsWith(")")) {
            return pattern;
        }
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '\\' -> i++;
                case '[' -> {
                    i = classEnd(pattern, i);
                    if (i < 0) {
                        return pattern;
                    }
                }
                case '(' -> depth++;
                case ')' -> {
                    if (--depth == 0) {
                        return i == pattern.length() - 1 ? pattern.substring(3, i) : pattern;
                    }
                }
                default -> { }
            }
        }
        return pattern;
    }

    /** A repeated character may be absent ({@code *}, {@code ?}) or stand for a run: it ends the word before it. */
    private static void dropLast(StringBuilder run, boolean lastLiteral) {
        if (lastLiteral && !run.isEmpty()) {
            run.setLength(run.length() - 1);
        }
    }

    private static void end(StringBuilder run, List<String> words) {
        if (run.length() >= SHORTEST) {
            String word = fold(run.toString());
            if (!words.contains(word)) {
                words.add(word);
            }
        }
        run.setLength(0);
    }

    /** The index of the class's closing bracket; -1 for a class with a class inside ([[:alpha:]]) or none. */
    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++; // a ']' first is one of the class's characters
        }
        for (; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
