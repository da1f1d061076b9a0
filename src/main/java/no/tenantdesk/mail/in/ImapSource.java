package no.tenantdesk.mail.in;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.ServerSessions;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * One IMAP folder. Keys are "UIDVALIDITY:UID", which name a message for as long as the folder exists. Bodies are
 * fetched with BODY.PEEK, many messages per UID FETCH and large ones in pieces ({@link ImapDownload}), so downloading
 * never sets \Seen and never holds a large message in memory: only marking messages done changes the mailbox.
 *
 * <p>SEEN lists unseen messages and flags them \Seen; MOVE lists every message and moves it to another folder;
 * DELETE lists every message and expunges it. KEEP lists every message and changes nothing: the service skips the
 * keys it has stored without downloading them, at the cost of a longer list each run.
 */
final class ImapSource implements MailSource, MailSource.Watchable {

    /**
     * Messages per UID FETCH: many small ones per round trip. Bounded so that the command line stays short (a UID set
     * of scattered UIDs grows with it; servers take 8,000 octets at least), and by bytes so that the spool holds
     * little of what the service has not asked for yet.
     */
    private static final int BATCH_MESSAGES = 500;
    private static final long BATCH_BYTES = 16L * 1024 * 1024;

    private final String name;
    private final AfterImport afterImport;
    private final Path spool;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final long uidValidity;
    private final Downloads downloads = new Downloads(BATCH_MESSAGES, BATCH_BYTES, ImapDownload.PIECE);
    private final ImapIdle idle;
    private final ImapAfterImport done;

    private ImapSource(
            String name, AfterImport afterImport, Path spool, IMAPStore store, IMAPFolder folder, IMAPFolder target,
            long uidValidity) {
        this.name = name;
        this.afterImport = afterImport;
        this.spool = spool;
        this.store = store;
        this.folder = folder;
        this.uidValidity = uidValidity;
        this.idle = new ImapIdle(folder);
        this.done = new ImapAfterImport(afterImport, store, folder, target);
    }

    static ImapSource open(String name, ServerAddress address, SourceSpec spec) {
        AfterImport after = spec.afterImport() == null ? AfterImport.SEEN : spec.afterImport();
        if (after == AfterImport.MOVE && (spec.moveTo() == null || spec.moveTo().isBlank())) {
            throw new InvalidInputException(name + ": moving messages after import needs a folder to move them to");
        }
        if (after == AfterImport.MOVE && spec.moveTo().equals(address.folder())) {
            throw new InvalidInputException(name + ": cannot move messages into the folder they are read from");
        }
        Properties extra = new Properties();
        String p = "mail." + address.protocol() + ".";
        extra.setProperty(p + "peek", "true");
        IMAPStore store = null;
        try {
            store = (IMAPStore) ServerSessions.session(address, spec.tls(), spec.password() != null,
                    MailSources.timeout(spec), spec.sslSockets(), extra, spec.tokens()).getStore(address.protocol());
            ServerSessions.login(store, name, address, spec.password(), spec.tokens());
            IMAPFolder folder = existing(name, store, address.folder());
            IMAPFolder target = after == AfterImport.MOVE ? existing(name, store, spec.moveTo()) : null;
            folder.open(after == AfterImport.KEEP ? Folder.READ_ONLY : Folder.READ_WRITE);
            return new ImapSource(name, after, spec.spool(), store, folder, target, folder.getUIDValidity());
        } catch (MessagingException e) {
            closeQuietly(store);
            TenantdeskException noTls = ServerSessions.noTls(name, address, e);
            throw noTls != null ? noTls : Failures.server(name, e);
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    private static IMAPFolder existing(String name, IMAPStore store, String folderName) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
        if (!folder.exists()) {
            throw new TenantdeskException(name + ": the server has no folder named \"" + folderName + "\"");
        }
        return folder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Waiting> list() {
        idle.listing();
        try {
            SearchTerm term = switch (afterImport) {
                case SEEN -> new AndTerm(notFlagged(Flags.Flag.SEEN), notFlagged(Flags.Flag.DELETED));
                case MOVE, KEEP -> notFlagged(Flags.Flag.DELETED);
                case DELETE -> null;
            };
            Message[] messages = term == null ? folder.getMessages() : folder.search(term);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, profile);
            record Listed(long uid, long size) {}
            List<Listed> listed = new ArrayList<>();
            for (Message message : messages) {
                listed.add(new Listed(folder.getUID(message), message.getSize()));
            }
            // UIDs grow in the order messages arrive in the folder.
            listed.sort(Comparator.comparingLong(Listed::uid));
            return listed.stream().map(l -> new Waiting(uidValidity + ":" + l.uid(), l.size())).toList();
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        }
    }

    private static FlagTerm notFlagged(Flags.Flag flag) {
        return new FlagTerm(new Flags(flag), false);
    }

    @Override
    public void willFetch(List<Waiting> messages) {
        downloads.plan(messages);
    }

    /** The message, downloaded with the next ones planned in one exchange when it is not here yet. */
    @Override
    public RawMessage fetch(Waiting waiting) {
        if (uid(waiting.key()) < 0) {
            throw new TenantdeskException(name + ": message " + waiting.key() + " is gone: the folder was recreated"
                    + " since it was listed (its UIDVALIDITY changed)");
        }
        TenantdeskException gone =
                new TenantdeskException(name + ": message " + waiting.key() + " is no longer in the folder");
        RawMessage raw = downloads.take(waiting, gone);
        if (raw == null) {
            download(downloads.batchFrom(waiting));
            raw = downloads.take(waiting, gone);
        }
        return raw;
    }

    private void download(List<Waiting> batch) {
        Map<Long, String> keys = new HashMap<>();
        for (Waiting w : batch) {
            long uid = uid(w.key());
            if (uid >= 0) {
                keys.put(uid, w.key());
            }
        }
        try {
            new ImapDownload(folder, spool).fetch(keys.keySet(), (uid, file) -> downloads.arrived(keys.get(uid), file));
        } catch (MessagingException e) {
            downloads.failed(Failures.server(name, e));
        } catch (IOException e) {
            downloads.failed(Failures.local(name, e));
        }
    }

    @Override
    public void markDone(List<Waiting> waiting) {
        if (afterImport == AfterImport.KEEP || waiting.isEmpty()) {
            return;
        }
        // Keys from another UIDVALIDITY name messages that no longer exist under those UIDs: nothing to mark.
        long[] uids = waiting.stream().mapToLong(w -> uid(w.key())).filter(uid -> uid >= 0).toArray();
        if (uids.length == 0) {
            return;
        }
        try {
            // Looked up by UID; a message another client expunged meanwhile comes back null and is skipped.
            Message[] messages = Arrays.stream(folder.getMessagesByUID(uids))
                    .filter(Objects::nonNull)
                    .toArray(Message[]::new);
            if (messages.length == 0) {
                return;
            }
            done.apply(messages);
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        }
    }

    /** The UID a key names in this folder, or -1 when the key belongs to another UIDVALIDITY (or to no folder). */
    private long uid(String key) {
        int colon = key.indexOf(':');
        try {
            if (colon > 0 && Long.parseLong(key.substring(0, colon)) == uidValidity) {
                return Long.parseLong(key.substring(colon + 1));
            }
        } catch (NumberFormatException e) {
            // not a key of ours
        }
        return -1;
    }

    @Override
    public void startWatching() {
        try {
            idle.start();
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        }
    }

    @Override
    public boolean tellsOfNewMail() {
        try {
            return idle.available();
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        }
    }

    /** IDLE where the server has it; else a sleep, after which the next listing asks the server again. */
    @Override
    public void awaitMail(Duration max, StopSignal stop) {
        try {
            if (idle.available()) {
                idle.await(max, stop);
            } else {
                stop.sleep(max);
            }
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        }
    }

    @Override
    public void close() {
        downloads.close();
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            // Nothing is pending on an IMAP folder: every message marked done has already been told to the server.
        }
        closeQuietly(store);
    }

    private static void closeQuietly(IMAPStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                // Logging out is a courtesy; the server drops the connection either way.
            }
        }
    }
}
