package no.tenantdesk.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The places' names and aliases as {@link Words} reads them ("bygg a"), in a trie of their characters, and the places
 * a text names: from each word of the text, the longest name that starts there and ends at a word's end. The text
 * is read in place, character by character, lower-cased as it goes: no word is copied for a name that is not there,
 * and most words leave the trie at their first or second letter.
 */
final class NameTrie {

    /**
     * Below this every character is composed already (nothing combines with it) and lower-cases to one character
     * that is the same wherever it stands; but for the dotted capital I, which lower-cases to two.
     */
    private static final char PLAIN = '\u0300';
    private static final char DOTTED_I = '\u0130';
    private static final char SPACE = ' ';

    private static final class Node {
        private char[] labels = new char[0];
        private Node[] next = new Node[0];
        /** The places whose name or alias ends here. */
        private List<Long> places;

        Node next(char c) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    return next[i];
                }
            }
            return null;
        }

        Node add(char c) {
            Node node = next(c);
            if (node == null) {
                node = new Node();
                labels = Arrays.copyOf(labels, labels.length + 1);
                labels[labels.length - 1] = c;
                next = Arrays.copyOf(next, next.length + 1);
                next[next.length - 1] = node;
            }
            return node;
        }
    }

    private final Node root = new Node();

    /** @param key a name's words, lower case, one space between them ({@link Words#key}) */
    void add(String key, long place) {
        Node node = root;
        for (int i = 0; i < key.length(); i++) {
            node = node.add(key.charAt(i));
        }
        if (node.places == null) {
            node.places = new ArrayList<>(1);
        }
        if (!node.places.contains(place)) {
            node.places.add(place);
        }
    }

    /** Each place named in the text, with the words that named it first, as written. */
    Map<Long, String> mentions(String text) {
        return plain(text) ? mentionsPlain(text) : mentionsOf(text);
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= PLAIN || c == DOTTED_I) {
                return false;
            }
        }
        return true;
    }

    /** A text of {@link #PLAIN} characters: lower-cased a character at a time, as the whole text would be. */
    private Map<Long, String> mentionsPlain(String text) {
        Map<Long, String> named = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            // i starts a word: the longest name from here, whose end is a word's end
            Node node = root;
            List<Long> longest = null;
            int end = -1;
            int j = i;
            while (node != null) {
                while (node != null && j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
                    node = node.next(Character.toLowerCase(text.charAt(j++)));
                }
                if (node == null) {
                    break;
                }
                if (node.places != null) {
                    longest = node.places;
                    end = j;
                }
                while (j < text.length() && !Character.isLetterOrDigit(text.charAt(j))) {
                    j++;
                }
                node = j < text.length() ? node.next(SPACE) : null;
            }
            if (longest == null) {
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            String written = text.substring(i, end);
            longest.forEach(place -> named.putIfAbsent(place, written));
            i = end; // the longest name at a word wins: "Bygg A-fløy" is not also "Bygg A"
        }
        return named;
    }

    /** Any text: its words composed and lower-cased first ({@link Words#read}); what matched shown composed. */
    private Map<Long, String> mentionsOf(String text) {
        Map<Long, String> named = new LinkedHashMap<>();
        Words.Read read = Words.read(text);
        List<Words.Word> words = read.words();
        for (int i = 0; i < words.size(); ) {
            Node node = root;
            List<Long> longest = null;
            int end = i;
            for (int j = i; j < words.size() && node != null; j++) {
                node = j == i ? node : node.next(SPACE);
                String word = words.get(j).text();
                for (int c = 0; c < word.length() && node != null; c++) {
                    node = node.next(word.charAt(c));
                }
                if (node != null && node.places != null) {
                    longest = node.places;
                    end = j + 1;
                }
            }
            if (longest == null) {
                i++;
                continue;
            }
            String written = read.composed().substring(words.get(i).start(), words.get(end - 1).end());
            longest.forEach(place -> named.putIfAbsent(place, written));
            i = end;
        }
        return named;
    }
}
