package no.tenantdesk.mail.in;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tenantdesk.mail.in.InboundMail.MailAddress;

/** Address headers read leniently: what can be read is kept, an entry that cannot is skipped. */
final class Addresses {

    private Addresses() {}

    /** The addresses of all given header values (raw, as read); none when the values are null. */
    static List<MailAddress> parse(String[] values) {
        List<MailAddress> addresses = new ArrayList<>();
        if (values == null) {
            return addresses;
        }
        for (String raw : values) {
            String value = HeaderText.mergeWords(HeaderText.eightBit(HeaderText.unfold(raw)));
            for (InternetAddress address : lenient(value)) {
                add(addresses, address);
            }
        }
        return addresses;
    }

    private static List<InternetAddress> lenient(String value) {
        if (closed(value)) {
            try {
                return List.of(InternetAddress.parseHeader(value, false));
            } catch (AddressException wholeList) {
                // One bad entry spoils the list for Jakarta Mail; read the entries one by one instead.
            }
        }
        List<InternetAddress> readable = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            if (closed(entry)) {
                try {
                    readable.addAll(List.of(InternetAddress.parseHeader(entry, false)));
                    continue;
                } catch (AddressException unreadable) {
                    // read for what it plainly says, below
                }
            }
            rescue(entry).ifPresent(readable::add);
        }
        return readable;
    }

    /**
     * Whether every quote, comment, domain literal, angle bracket and group that opens also closes, and no group is
     * in another. Jakarta Mail, lenient, reads an unclosed one to the end of the value and then again from the next
     * character: 40,000 "(" in a To took seconds. Such a value is read entry by entry, and an entry that is still
     * not closed only for the address it plainly holds.
     */
    static boolean closed(String value) {
        boolean quoted = false;
        boolean angle = false;
        boolean literal = false;
        boolean group = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (literal) {
                literal = c != ']';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment = 1;
            } else if (c == '[') {
                literal = true;
            } else if (c == '<') {
                if (angle) {
                    return false;
                }
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ':' && !angle) {
                if (group) {
                    return false;
                }
                group = true;
            } else if (c == ';') {
                group = false;
            }
        }
        return !quoted && !angle && !literal && !group && comment == 0;
    }

    /**
     * The null path, "&lt;&gt;" after an optional name (From: Mail Delivery System &lt;&gt;, Return-Path: &lt;&gt;):
     * the mail system itself sent the message (RFC 5321 4.5.5), as it does for every bounce. Its name, or empty.
     */
    static Optional<String> nullPath(String[] values) {
        if (values == null) {
            return Optional.empty();
        }
        for (String raw : values) {
            String value = HeaderText.oneLine(HeaderText.unfold(raw)).strip();
            if (value.endsWith("<>") && value.indexOf('<') == value.length() - 2) {
                String name = value.substring(0, value.length() - 2).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                return Optional.of(HeaderText.readable(name));
            }
        }
        return Optional.empty();
    }

    /** local@domain, where a quoted local part ("System Administrator"@example.com) may hold spaces. */
    private static boolean plausible(String email) {
        int at = email.lastIndexOf('@');
        String local = at > 0 ? email.substring(0, at) : "";
        boolean quoted = local.length() > 2 && local.charAt(0) == '"' && local.indexOf('"', 1) == local.length() - 1;
        String plain = quoted ? "x" + email.substring(at) : email;
        int plainAt = plain.indexOf('@');
        return at > 0 && at < email.length() - 1 && plainAt > 0 && plain.chars().noneMatch(c -> c <= ' ' || c == '<'
                || c == '>' || c == '"' || c == ',');
    }

    /** "Ola <ola@example.no", "Drift: ola@example.no" and the like: an address plainly there, in broken syntax. */
    private static Optional<InternetAddress> rescue(String entry) {
        int open = entry.lastIndexOf('<');
        String email = (open < 0 ? entry.substring(entry.lastIndexOf(':') + 1).replace(";", "")
                : entry.substring(open + 1)).replace(">", "").strip();
        if (email.indexOf('@') <= 0 || email.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<')) {
            return Optional.empty();
        }
        String name = open < 0 ? "" : entry.substring(0, open).strip().replace("\"", "").strip();
        InternetAddress address = new InternetAddress();
        address.setAddress(email);
        try {
            address.setPersonal(name.isEmpty() ? null : name, "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("every Java has UTF-8", e);
        }
        return Optional.of(address);
    }

    private static void add(List<MailAddress> addresses, InternetAddress address) {
        if (address.isGroup()) {
            try {
                for (InternetAddress member : address.getGroup(false)) {
                    add(addresses, member);
                }
            } catch (AddressException e) {
                // an unreadable group adds no one
            }
            return;
        }
        String email = address.getAddress() == null ? "" : HeaderText.oneLine(address.getAddress());
        if (!plausible(email)) {
            // Jakarta Mail, lenient, hands over "Ola <ola@example.no" whole as the address.
            Optional<InternetAddress> rescued = rescue(email);
            if (rescued.isPresent() && plausible(rescued.get().getAddress())) {
                add(addresses, rescued.get());
            }
            return;
        }
        String personal = address.getPersonal();
        addresses.add(new MailAddress(personal == null ? "" : HeaderText.oneLine(personal), email));
    }
}
