package no.tenantdesk.mail.in;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.ServerFailures;
import no.tenantdesk.mail.ServerSessions;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.eclipse.angus.mail.pop3.POP3Store;

/**
 * A POP3 mailbox. Keys are the server's UIDL. KEEP (the default) leaves the mail on the server and relies on the
 * service remembering keys; DELETE marks acknowledged messages, and the server deletes them when {@link #close()}
 * ends the session with QUIT. A run that dies before that deletes nothing, and the next run skips what it stored.
 */
final class Pop3Source implements MailSource {

    private final String name;
    private final AfterImport afterImport;
    private final Path spool;
    private final POP3Store store;
    private final POP3Folder folder;
    private final Consumer<String> warnings;
    private Map<String, Message> byUid;

    private Pop3Source(
            String name, AfterImport afterImport, Path spool, POP3Store store, POP3Folder folder,
            Consumer<String> warnings) {
        this.name = name;
        this.afterImport = afterImport;
        this.spool = spool;
        this.store = store;
        this.folder = folder;
        this.warnings = warnings;
    }

    static Pop3Source open(String name, ServerAddress address, SourceSpec spec) {
        AfterImport after = spec.afterImport() == null ? AfterImport.KEEP : spec.afterImport();
        if (after != AfterImport.KEEP && after != AfterImport.DELETE) {
            throw new InvalidInputException(name + ": POP3 can only keep or delete messages after import, not "
                    + after.name().toLowerCase(Locale.ROOT));
        }
        Properties extra = new Properties();
        String p = "mail." + address.protocol() + ".";
        // Without the file cache, Angus reads each message (RETR) into memory; with it, RETR streams into a file
        // in the spool, which goes when the folder closes.
        extra.setProperty(p + "filecache.enable", "true");
        if (spec.spool() != null) {
            extra.setProperty(p + "filecache.dir", spec.spool().toString());
        }
        POP3Store store = null;
        try {
            if (spec.spool() != null) {
                Files.createDirectories(spec.spool());
            }
            store = (POP3Store) ServerSessions.session(address, spec.tls(), spec.password() != null,
                    MailSources.timeout(spec), spec.sslSockets(), extra).getStore(address.protocol());
            store.connect(address.host(), address.port(), address.user(), spec.password());
            POP3Folder folder = (POP3Folder) store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            return new Pop3Source(name, after, spec.spool(), store, folder, spec.warnings());
        } catch (MessagingException e) {
            closeQuietly(store);
            TenantdeskException noTls = ServerSessions.noTls(name, address, e);
            throw noTls != null ? noTls : Failures.server(name, e);
        } catch (IOException e) {
            closeQuietly(store);
            throw Failures.local(name, e);
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** In message-number order, which is the order the server received them. */
    @Override
    public List<Waiting> list() {
        try {
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, profile);
            Map<String, Message> uids = new HashMap<>();
            List<Waiting> waiting = new ArrayList<>();
            for (Message message : messages) {
                String uid = folder.getUID(message);
                if (uid == null) {
                    throw new TenantdeskException(name + ": the server does not support UIDL, which fetch-mail needs"
                            + " to recognise messages it has already imported");
                }
                if (uids.putIfAbsent(uid, message) == null) {
                    waiting.add(new Waiting(uid, message.getSize()));
                }
            }
            byUid = uids;
            return waiting;
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        }
    }

    @Override
    public RawMessage fetch(Waiting waiting) {
        Message message = byUid().get(waiting.key());
        if (message == null) {
            throw new TenantdeskException(name + ": message " + waiting.key() + " is no longer on the server");
        }
        try (InputStream in = ((POP3Message) message).getMimeStream()) {
            return RawMessage.spooled(waiting.key(), Spool.copy(in, spool));
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        } catch (IOException e) {
            throw Failures.server(name, e);
        } finally {
            // The cached copy is in our spool file now; let Angus drop its own.
            ((POP3Message) message).invalidate(false);
        }
    }

    @Override
    public void acknowledge(List<Waiting> waiting) {
        if (afterImport != AfterImport.DELETE) {
            return;
        }
        try {
            Map<String, Message> uids = byUid();
            for (Waiting w : waiting) {
                Message message = uids.get(w.key());
                if (message != null) {
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            }
        } catch (MessagingException e) {
            throw Failures.server(name, e);
        }
    }

    /** Acknowledging may come before any listing (keys stored in an earlier run): then UIDL is asked now. */
    private Map<String, Message> byUid() {
        if (byUid == null) {
            list();
        }
        return byUid;
    }

    /** QUIT; with DELETE, that is when the server deletes the acknowledged messages. */
    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(afterImport == AfterImport.DELETE);
            }
        } catch (MessagingException e) {
            if (afterImport == AfterImport.DELETE && warnings != null) {
                warnings.accept(name + ": the server may not have deleted the imported messages ("
                        + ServerFailures.oneLine(e.getMessage()) + "); the next run skips them");
            }
        }
        closeQuietly(store);
    }

    private static void closeQuietly(POP3Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                // The connection is gone either way.
            }
        }
    }
}
