package no.tenantdesk.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a text for PostgreSQL's search index, made here instead of on the server: the same {@code tsvector}
 * as {@code search_words} (postgresql/V002), in its text or its binary form. The server's tokenizer and case folding
 * cost about half a millisecond of its CPU for a 1,500-character mail, most of what filing a message costs the
 * server; reading the words from their text form costs a sixth of that, from their binary form less again.
 *
 * <p>Only for text made of characters whose rules are plain: ASCII (letters and digits are word characters, the rest
 * separators), the letters of Latin-1 (æøå, é, ü, ß, …), and common typographic separators. Anything else, a very long
 * text, or a word too long for the index or repeated too often to keep all its places, is left to the server
 * ({@link #of} returns null, and the SQL falls back to {@code search_words}), so that a search never depends on which
 * side made the words. {@code PostgresSearchWordsIT} holds the two together.
 */
final class SearchWords {

    /** Longer texts go to the server: at most 10,000 words, far below a tsvector's 16,383 positions. */
    static final int MAX_CHARS = 20_000;
    /** to_tsvector skips a word of 2,047 bytes or more (and keeps no place for it). */
    private static final int MAX_WORD_BYTES = 2_046;
    /** A tsvector keeps at most 255 places of one word. */
    private static final int MAX_PLACES = 255;
    private static final String SEPARATORS = "\u00a0\u00a7\u00ab\u00b0\u00b7\u00bb\u00d7\u00f7"
            + "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac";

    private SearchWords() {}

    /** The tsvector of {@code search_words(text)} as text, or null when the server must make it. */
    static String of(String text) {
        Map<String, List<Integer>> places = places(text);
        if (places == null) {
            return null;
        }
        StringBuilder vector = new StringBuilder(text.length() + places.size() * 4);
        places.forEach((lexeme, at) -> {
            if (vector.length() > 0) {
                vector.append(' ');
            }
            // Letters and digits only: nothing in a lexeme needs escaping inside the quotes.
            vector.append('\'').append(lexeme).append("':");
            for (int k = 0; k < at.size(); k++) {
                vector.append(k == 0 ? "" : ",").append(at.get(k));
            }
        });
        return vector.toString();
    }

    /**
     * The same tsvector in PostgreSQL's binary form ({@code tsvectorsend}), or null when the server must make it: the
     * number of words, then each word's UTF-8 bytes, a zero byte, the number of its places and each place, as 16-bit
     * numbers (a place's top two bits its weight, here none). The server takes it as it is, where it parses the text
     * form character by character: a fifth of its CPU for the import's insert of a new inquiry. The words go in the
     * order the server keeps them (their bytes compared unsigned, a prefix first), so it need not sort them.
     */
    static byte[] binary(String text) {
        Map<String, List<Integer>> places = places(text);
        if (places == null) {
            return null;
        }
        Word[] words = new Word[places.size()];
        int size = 4;
        int n = 0;
        for (Map.Entry<String, List<Integer>> word : places.entrySet()) {
            words[n] = new Word(word.getKey().getBytes(StandardCharsets.UTF_8), word.getValue());
            size += words[n++].bytes.length + 3 + word.getValue().size() * 2;
        }
        Arrays.sort(words, (a, b) -> Arrays.compareUnsigned(a.bytes, b.bytes));
        ByteBuffer vector = ByteBuffer.allocate(size).putInt(words.length);
        for (Word word : words) {
            vector.put(word.bytes).put((byte) 0).putShort((short) word.at.size());
            for (int place : word.at) {
                vector.putShort((short) place);
            }
        }
        return vector.array();
    }

    /** A word's UTF-8 bytes and its places. */
    private static final class Word {
        final byte[] bytes;
        final List<Integer> at;

        Word(byte[] bytes, List<Integer> at) {
            this.bytes = bytes;
            this.at = at;
        }
    }

    /** Each word of the text (lower case) with its places, in the order they come; null when the server must. */
    private static Map<String, List<Integer>> places(String text) {
        if (text.length() > MAX_CHARS) {
            return null;
        }
        Map<String, List<Integer>> places = new LinkedHashMap<>();
        StringBuilder word = new StringBuilder();
        int position = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (isWordCharacter(c)) {
                word.append(Character.toLowerCase(c));
                continue;
            }
            if (!isSeparator(c)) {
                return null;
            }
            if (word.length() > 0) {
                String lexeme = word.toString();
                word.setLength(0);
                if (lexeme.getBytes(StandardCharsets.UTF_8).length > MAX_WORD_BYTES) {
                    return null;
                }
                List<Integer> at = places.computeIfAbsent(lexeme, k -> new ArrayList<>(2));
                if (at.size() == MAX_PLACES) {
                    return null;
                }
                at.add(++position);
            }
        }
        return places;
    }

    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c >= '\u00c0' && c <= '\u00ff' && c != '\u00d7' && c != '\u00f7');
    }

    private static boolean isSeparator(char c) {
        return (c < 0x80 && c != 0) || SEPARATORS.indexOf(c) >= 0;
    }
}
