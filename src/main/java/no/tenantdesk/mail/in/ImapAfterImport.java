package no.tenantdesk.mail.in;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * What {@link ImapSource#markDone} does to imported messages, as the account's after-import says: flag them \Seen,
 * move them to another folder, or delete them; with what the server offers (MOVE, UIDPLUS) where it has it.
 */
final class ImapAfterImport {

    private final AfterImport afterImport;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final IMAPFolder target;

    ImapAfterImport(AfterImport afterImport, IMAPStore store, IMAPFolder folder, IMAPFolder target) {
        this.afterImport = afterImport;
        this.store = store;
        this.folder = folder;
        this.target = target;
    }

    void apply(Message[] messages) throws MessagingException {
        switch (afterImport) {
            case SEEN -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            case MOVE -> move(messages);
            case DELETE -> {
                folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                expunge(messages);
            }
            case KEEP -> {}
        }
    }

    private void move(Message[] messages) throws MessagingException {
        if (store.hasCapability("MOVE")) {
            folder.moveMessages(messages, target);
        } else {
            folder.copyMessages(messages, target);
            folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            expunge(messages);
        }
    }

    /**
     * With UIDPLUS only our messages go (UID EXPUNGE); without it, EXPUNGE also removes what other clients had
     * flagged \Deleted, which is what they asked for anyway.
     */
    private void expunge(Message[] messages) throws MessagingException {
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(messages);
        } else {
            folder.expunge();
        }
    }
}
