package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Whole messages by UID, many per round trip, none of them whole in memory. One UID FETCH asks for the first piece of
 * every message of a batch ({@code BODY.PEEK[]<0.PIECE>}); the messages longer than a piece get their next pieces
 * from one UID FETCH per piece, for all of them at once. A 2 KB message is one response among hundreds of one round
 * trip; a 25 MB attachment is seven round trips.
 *
 * <p>Angus reads a FETCH response whole into memory, literal included, and its own fetch collects every response of
 * a command before it returns: so the responses are read here one at a time, through {@link IMAPFolder#doCommand},
 * and each piece is written to its message's spool file as it comes. A piece is what one response may hold. The
 * untagged responses in between (another client's EXPUNGE, new mail's EXISTS) go to the folder as Angus' own commands
 * hand them over, so its view of the mailbox stays right.
 */
final class ImapDownload {

    /** The most of a message one response holds in memory. */
    static final int PIECE = 4 * 1024 * 1024;

    private final IMAPFolder folder;
    private final Path spool;

    ImapDownload(IMAPFolder folder, Path spool) {
        this.folder = folder;
        this.spool = spool;
    }

    /**
     * Downloads the messages with these UIDs. Each one that has arrived whole is handed to {@code arrived} at once, so
     * that what came before a lost connection is kept; a UID the server sends nothing for (expunged meanwhile) is
     * left out. The files of messages not handed over are deleted.
     */
    void fetch(Set<Long> uids, BiConsumer<Long, Path> arrived) throws MessagingException, IOException {
        Map<Long, Path> files = new HashMap<>();
        Set<Long> pending = new TreeSet<>(uids);
        try {
            for (long offset = 0; !pending.isEmpty(); offset += PIECE) {
                Piece piece = new Piece(offset, pending, files, arrived);
                String command = "UID FETCH " + uidSet(pending) + " (UID BODY.PEEK[]<" + offset + "." + PIECE + ">)";
                folder.doCommand(protocol -> exchange(protocol, command, piece));
                if (piece.failure != null) {
                    throw piece.failure;
                }
                // Those not sent in full are whole or gone (another client expunged them): the rest wants more.
                pending.retainAll(piece.full);
            }
        } finally {
            files.values().forEach(Spool::deleteQuietly);
        }
    }

    /** One round of pieces: each body that comes is appended to its message's file, which goes out once whole. */
    private final class Piece implements Consumer<FetchResponse> {

        private final long offset;
        private final Set<Long> wanted;
        private final Map<Long, Path> files;
        private final BiConsumer<Long, Path> arrived;
        /** The messages whose piece filled it: there is more. */
        private final Set<Long> full = new HashSet<>();
        /** A spool file that could not be written: the exchange is read to its end first, then this is thrown. */
        private IOException failure;

        Piece(long offset, Set<Long> wanted, Map<Long, Path> files, BiConsumer<Long, Path> arrived) {
            this.offset = offset;
            this.wanted = wanted;
            this.files = files;
            this.arrived = arrived;
        }

        @Override
        public void accept(FetchResponse response) {
            UID uid = response.getItem(UID.class);
            BODY body = response.getItem(BODY.class);
            ByteArray bytes = body.getByteArray();
            if (uid == null || !wanted.contains(uid.uid) || bytes == null || failure != null) {
                return;
            }
            if (bytes.getCount() > PIECE && offset > 0) {
                // A server that ignores the partial fetch sends the whole message every round: never appended twice.
                failure = new IOException("the server sent more of a message than was asked for");
                return;
            }
            try {
                Path file = files.get(uid.uid);
                if (file == null) {
                    file = Spool.newFile(spool);
                    files.put(uid.uid, file);
                }
                try (InputStream in = body.getByteArrayInputStream();
                        OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                    in.transferTo(out);
                }
                if (bytes.getCount() == PIECE) {
                    full.add(uid.uid);
                } else {
                    // Whole: handed over now, so that it is kept if the connection breaks before the round ends.
                    arrived.accept(uid.uid, files.remove(uid.uid));
                }
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /**
     * Sends one command and reads its responses one by one until its own tagged one: FETCH responses with a body go
     * to {@code bodies}, the rest to the folder. A tagged NO is what a server answers when some of the messages asked
     * for are gone: the others came, and that is no failure.
     */
    static Response exchange(IMAPProtocol protocol, String command, Consumer<FetchResponse> bodies)
            throws ProtocolException {
        String tag;
        try {
            tag = protocol.writeCommand(command, null);
        } catch (IOException e) {
            throw lost(protocol, e);
        }
        while (true) {
            Response response;
            try {
                response = protocol.readResponse();
            } catch (IOException e) {
                throw lost(protocol, e);
            }
            if (response instanceof FetchResponse fetch && fetch.getItem(BODY.class) != null) {
                bodies.accept(fetch);
                continue;
            }
            protocol.notifyResponseHandlers(new Response[] {response});
            if (response.isBYE() || (response.isTagged() && tag.equals(response.getTag()) && response.isBAD())) {
                protocol.handleResult(response);
            }
            if (response.isTagged() && tag.equals(response.getTag())) {
                return response;
            }
        }
    }

    /** As Angus does it: the folder hears of the lost connection (and closes), the caller gets its exception. */
    private static ConnectionException lost(IMAPProtocol protocol, IOException e) {
        Response bye = Response.byeResponse(e);
        protocol.notifyResponseHandlers(new Response[] {bye});
        return new ConnectionException(protocol, bye);
    }

    /** "5:9,12,15": UIDs in order, runs as ranges. */
    static String uidSet(Set<Long> uids) {
        StringBuilder set = new StringBuilder();
        Long start = null;
        Long previous = null;
        for (long uid : new TreeSet<>(uids)) {
            if (previous != null && uid == previous + 1) {
                previous = uid;
                continue;
            }
            if (start != null) {
                append(set, start, previous);
            }
            start = uid;
            previous = uid;
        }
        if (start != null) {
            append(set, start, previous);
        }
        return set.toString();
    }

    private static void append(StringBuilder set, long start, long end) {
        if (!set.isEmpty()) {
            set.append(',');
        }
        set.append(start);
        if (end != start) {
            set.append(':').append(end);
        }
    }
}
