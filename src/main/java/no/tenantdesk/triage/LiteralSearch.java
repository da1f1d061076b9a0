package no.tenantdesk.triage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Which of a fixed set of words a text contains, {@link Literals#fold folded} as the words are: one pass over the
 * text whatever the number of words (Aho–Corasick), where a {@code contains} for each of the rules' words read the
 * text once per word. The text is folded as it is read, not copied.
 */
final class LiteralSearch {

    private static final int ROOT = 0;
    /** The characters the root's ways on are looked up by, in {@link #fromRoot}: most of a text's stay at the root. */
    private static final int TABLE = 0x300;

    private final int words;
    /** Of each state, the characters it goes on with and the state each leads to. */
    private final char[][] labels;
    private final int[][] targets;
    /** Of each state, the state of its longest proper suffix that is a state too. */
    private final int[] fail;
    /** Of each state, the words that end there (its own and those of its suffixes). */
    private final int[][] ends;
    /** Where the root goes on each character below {@link #TABLE}: to the root itself when nowhere. */
    private final int[] fromRoot = new int[TABLE];

    /** @param words folded; a word's number is its index */
    LiteralSearch(List<String> words) {
        this.words = words.size();
        List<StringBuilder> labelsOf = new ArrayList<>(List.of(new StringBuilder()));
        List<List<Integer>> targetsOf = new ArrayList<>(List.of(new ArrayList<>()));
        List<List<Integer>> endsOf = new ArrayList<>(List.of(new ArrayList<>()));
        for (int w = 0; w < words.size(); w++) {
            int state = ROOT;
            for (char c : words.get(w).toCharArray()) {
                int at = labelsOf.get(state).indexOf(String.valueOf(c));
                if (at < 0) {
                    labelsOf.get(state).append(c);
                    targetsOf.get(state).add(labelsOf.size());
                    labelsOf.add(new StringBuilder());
                    targetsOf.add(new ArrayList<>());
                    endsOf.add(new ArrayList<>());
                    state = labelsOf.size() - 1;
                } else {
                    state = targetsOf.get(state).get(at);
                }
            }
            endsOf.get(state).add(w);
        }
        int states = labelsOf.size();
        labels = new char[states][];
        targets = new int[states][];
        for (int s = 0; s < states; s++) {
            labels[s] = labelsOf.get(s).toString().toCharArray();
            targets[s] = targetsOf.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < labels[ROOT].length; i++) {
            if (labels[ROOT][i] < TABLE) {
                fromRoot[labels[ROOT][i]] = targets[ROOT][i];
            }
        }
        fail = new int[states];
        ends = new int[states][];
        // Breadth first: a state's suffix is shorter than it, so it is done before it.
        Deque<Integer> queue = new ArrayDeque<>();
        ends[ROOT] = new int[0];
        for (int child : targets[ROOT]) {
            fail[child] = ROOT;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            List<Integer> own = endsOf.get(state);
            int[] inherited = ends[fail[state]];
            int[] all = Arrays.copyOf(inherited, inherited.length + own.size());
            for (int i = 0; i < own.size(); i++) {
                all[inherited.length + i] = own.get(i);
            }
            ends[state] = all;
            for (int i = 0; i < labels[state].length; i++) {
                int child = targets[state][i];
                int suffix = fail[state];
                while (suffix != ROOT && next(suffix, labels[state][i]) < 0) {
                    suffix = fail[suffix];
                }
                int to = next(suffix, labels[state][i]);
                fail[child] = to < 0 ? ROOT : to;
                queue.add(child);
            }
        }
    }

    /** The numbers of the words the folded text contains. */
    BitSet find(String text) {
        BitSet found = new BitSet(words);
        if (words == 0) {
            return found;
        }
        int state = ROOT;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                state = step(state, c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c, found);
                i++;
            } else {
                int point = text.codePointAt(i);
                int folded = Character.toLowerCase(Character.toUpperCase(point));
                if (Character.isBmpCodePoint(folded)) {
                    state = step(state, (char) folded, found);
                } else {
                    state = step(state, Character.highSurrogate(folded), found);
                    state = step(state, Character.lowSurrogate(folded), found);
                }
                i += Character.charCount(point);
            }
        }
        return found;
    }

    private int step(int from, char c, BitSet found) {
        int state = from;
        while (true) {
            if (state == ROOT) {
                int to = c < TABLE ? fromRoot[c] : next(ROOT, c);
                state = to < 0 ? ROOT : to;
                break;
            }
            int to = next(state, c);
            if (to >= 0) {
                state = to;
                break;
            }
            state = fail[state];
        }
        for (int word : ends[state]) {
            found.set(word);
        }
        return state;
    }

    private int next(int state, char c) {
        char[] on = labels[state];
        // A state has few ways on (the root one per first letter): a scan beats a search.
        for (int i = 0; i < on.length; i++) {
            if (on[i] == c) {
                return targets[state][i];
            }
        }
        return -1;
    }
}
