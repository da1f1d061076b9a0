package no.tenantdesk.mail.in;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
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
        try {
            return List.of(InternetAddress.parseHeader(value, false));
        } catch (AddressException wholeList) {
            // One bad entry spoils the list for Jakarta Mail; read the entries one by one instead.
            List<InternetAddress> readable = new ArrayList<>();
            for (String entry : value.split(",")) {
                try {
                    readable.addAll(List.of(InternetAddress.parseHeader(entry, false)));
                } catch (AddressException skipped) {
                    // not an address
                }
            }
            return readable;
        }
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
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.contains(" ")) {
            return;
        }
        String personal = address.getPersonal();
        addresses.add(new MailAddress(personal == null ? "" : HeaderText.oneLine(personal), email));
    }
}
