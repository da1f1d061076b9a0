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
        for (String entry : value.split(",")) {
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

    private static boolean plausible(String email) {
        int at = email.indexOf('@');
        return at > 0 && at < email.length() - 1 && email.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>'
                || c == '"' || c == ',');
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
