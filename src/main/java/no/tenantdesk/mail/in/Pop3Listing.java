package no.tenantdesk.mail.in;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.Pop3Client.Listed;

/**
 * The mailbox's list for {@link Pop3Client#list}: UIDL for each message's unique id, LIST for its size, both sent at
 * once where the server offers PIPELINING.
 */
final class Pop3Listing {

    private final String name;
    private final Pop3Connection connection;
    private final Pop3Input in;

    Pop3Listing(String name, Pop3Connection connection, Pop3Input in) {
        this.name = name;
        this.connection = connection;
        this.in = in;
    }

    List<Listed> list(boolean pipelining) throws IOException {
        connection.command("UIDL");
        if (pipelining) {
            connection.command("LIST");
        }
        Map<Integer, String> uids = uidl();
        if (!pipelining) {
            connection.command("LIST");
        }
        Map<Integer, Long> sizes = sizes();
        List<Listed> listed = new ArrayList<>();
        uids.forEach((number, uid) -> listed.add(new Listed(number, uid, sizes.getOrDefault(number, -1L))));
        return listed;
    }

    private Map<Integer, String> uidl() throws IOException {
        String reply = in.line();
        if (!reply.startsWith("+OK")) {
            throw new TenantdeskException(name + ": the server does not support UIDL, which fetch-mail needs to"
                    + " recognise messages it has already imported");
        }
        Map<Integer, String> uids = new LinkedHashMap<>();
        for (String line : in.lines()) {
            String[] words = line.strip().split(" ", 2);
            uids.put(Integer.parseInt(words[0]), words.length > 1 ? words[1].strip() : "");
        }
        return uids;
    }

    private Map<Integer, Long> sizes() throws IOException {
        connection.status("LIST");
        Map<Integer, Long> sizes = new LinkedHashMap<>();
        for (String line : in.lines()) {
            String[] words = line.strip().split(" ", -1);
            sizes.put(Integer.parseInt(words[0]), words.length > 1 ? Long.parseLong(words[1]) : -1);
        }
        return sizes;
    }
}
