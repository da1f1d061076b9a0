package no.tenantdesk.mail.in;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Message-IDs from Message-ID, In-Reply-To and References, without angle brackets. Clients write junk around them
 * ("(Kari's message of Monday)"), separate them with commas or forget the brackets.
 */
final class MessageIds {

    private MessageIds() {}

    /** The first id of the values; null when there is none. */
    static String first(String[] values) {
        List<String> ids = all(values);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        // A home-made Message-ID ("12345") is still the best key for telling a message seen before.
        String bare = values == null || values.length == 0 ? "" : HeaderText.oneLine(values[0]).replace(" ", "");
        return bare.isEmpty() ? null : bare;
    }

    /** Every id, in order, each once. */
    static List<String> all(String[] values) {
        Set<String> ids = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                read(HeaderText.eightBit(HeaderText.unfold(value)), ids);
            }
        }
        return new ArrayList<>(ids);
    }

    private static void read(String value, Set<String> ids) {
        int depth = 0;
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '<' && depth == 0) {
                word(token, ids);
                int close = value.indexOf('>', i + 1);
                int stop = close < 0 ? value.length() : close;
                add(value.substring(i + 1, stop), ids);
                i = stop;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                if (Character.isWhitespace(c) || c == ',' || c == ';') {
                    word(token, ids);
                } else {
                    token.append(c);
                }
            }
        }
        word(token, ids);
    }

    /** A word without brackets counts only when it looks like an id: the words around ids have no @. */
    private static void word(StringBuilder token, Set<String> ids) {
        String word = token.toString();
        token.setLength(0);
        if (word.indexOf('@') > 0) {
            add(word, ids);
        }
    }

    private static void add(String id, Set<String> ids) {
        String clean = HeaderText.oneLine(id).replace(" ", "");
        if (!clean.isEmpty()) {
            ids.add(clean);
        }
    }
}
