package no.tenantdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.domain.Removal;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.ErasureMapper;
import no.tenantdesk.store.Tx;

/**
 * `contact forget`: a person's data erased on request (GDPR art. 17), in one transaction. Their contact keeps its id
 * and nothing else; their raw mails and files lose their bytes; their name, address and number in the texts of
 * their inquiries, in events and in mail records become {@code [slettet kontakt #12]}. The inquiries, their status
 * history and the operators' notes stay: the case still happened. An erasure row says who erased whom, and when.
 */
public final class ErasureService {

    /** The SHA-256 of no bytes: what a file whose bytes are gone points at (attachment.sha256 is required). */
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final Database database;
    private final Clock clock;

    public ErasureService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What an erasure of this contact takes, for the question before it. */
    public record Plan(long contactId, String name, String email, String phone, long inquiries, long mails,
            long files) {}

    /** What it did: {@code texts} is the number of texts in which a mention was replaced. */
    public record Erased(long contactId, String marker, long inquiries, long mails, long files, long texts) {}

    public Plan plan(String who) {
        return database.read(tx -> {
            ContactRow contact = contact(tx, who);
            String key = contact.email() == null ? null : Lookup.Keys.email(contact.email());
            ErasureMapper.Counts counts = tx.mapper(ErasureMapper.class).counts(contact.id(), key);
            return new Plan(contact.id(), contact.name(), contact.email(), contact.phone(), counts.inquiries(),
                    counts.mails(), counts.files());
        });
    }

    public Erased forget(long contactId, String actor) {
        Instant now = clock.instant();
        return database.write(tx -> {
            ContactRow contact = contact(tx, "#" + contactId);
            ErasureMapper rows = tx.mapper(ErasureMapper.class);
            if (rows.openAssignments(contact.id()) > 0) {
                throw new InvalidInputException(contact.name() + " (#" + contact.id() + ") is assigned open tasks or"
                        + " inquiries; give them to someone else first (task list --assignee " + contact.id() + ")");
            }
            rows.zeroWhatIsFreed();
            Redaction redaction = Redaction.of(contact.id(), contact.name(), contact.email(), contact.phone());
            List<Long> asked = rows.inquiriesOf(contact.id());
            List<Long> inquiries = orNone(asked);
            String key = contact.email() == null ? null : Lookup.Keys.email(contact.email());
            new Blobs(tx).put(EMPTY, new byte[0]);
            // Her inquiries' search rows are written once, when all their texts are (V021), not text by text.
            for (int from = 0; from < asked.size(); from += 500) {
                rows.pauseSearch(asked.subList(from, Math.min(asked.size(), from + 500)));
            }
            Set<String> released = new LinkedHashSet<>();
            long texts = 0;
            // Each text is rewritten once and written back only when that changed it.
            for (ErasureMapper.Texts row : rows.inquiryTexts(inquiries)) {
                ErasureMapper.Texts to = redaction.rewrite(row);
                if (!to.equals(row)) {
                    rows.updateInquiry(to.id(), to.first(), to.second());
                    texts++;
                }
            }
            for (ErasureMapper.Texts row : rows.comments(inquiries)) {
                ErasureMapper.Texts to = redaction.rewrite(row);
                if (!to.equals(row)) {
                    rows.updateComment(to.id(), to.first(), to.second());
                    texts++;
                }
            }
            for (ErasureMapper.Texts row : rows.tasks(inquiries)) {
                ErasureMapper.Texts to = redaction.rewrite(row);
                if (!to.equals(row)) {
                    rows.updateTask(to.id(), to.first(), to.second(), to.third());
                    texts++;
                }
            }
            String like = Lookup.Keys.likeContains(contact.name().toLowerCase(Locale.ROOT));
            for (ErasureMapper.Texts row : rows.events(inquiries, like)) {
                ErasureMapper.Texts to = redaction.rewrite(row);
                if (!to.equals(row)) {
                    rows.updateEvent(to.id(), to.first(), to.second(), to.third());
                    texts++;
                }
            }
            List<ErasureMapper.FileRow> files = rows.files(inquiries);
            for (ErasureMapper.FileRow file : files) {
                rows.removeFile(file.id(), redaction.apply(file.filename()), redaction.apply(file.addedBy()), EMPTY,
                        now, Removal.ERASURE);
                released.add(file.sha256());
            }
            rows.removeSearchRows();
            rows.addSearchRows();
            rows.resumeSearch();
            List<ErasureMapper.Mail> mails = rows.mails(inquiries, key);
            for (ErasureMapper.Mail mail : mails) {
                String subject = redaction.apply(mail.subject());
                String reason = redaction.apply(mail.reason());
                if (!Objects.equals(subject, mail.subject()) || !Objects.equals(reason, mail.reason())) {
                    rows.updateMail(mail.id(), subject, reason);
                }
                if (mail.rawSha256() != null) {
                    released.add(mail.rawSha256());
                }
            }
            rows.eraseMails(contact.id(), key, redaction.marker(), now);
            for (ErasureMapper.Outgoing out : rows.outgoing(inquiries, key)) {
                rows.eraseOutgoing(out.id(), redaction.marker(), redaction.apply(out.subject()), EMPTY);
                released.add(out.rawSha256());
            }
            if (key != null) {
                rows.eraseDigests(key); // the record of which mornings they had a digest (V019), by their address
            }
            released.remove(EMPTY);
            deleteUnused(rows, new ArrayList<>(released));
            rows.releaseLocations(contact.id());
            rows.eraseContact(contact.id(), redaction.marker(), Lookup.Keys.name(redaction.marker()), now);
            rows.insertErasure(contact.id(), actor, asked.size(), mails.size(), files.size(), texts, now);
            return new Erased(contact.id(), redaction.marker(), asked.size(), mails.size(), files.size(), texts);
        });
    }

    /** Contents that no file, mail or outgoing message refers to any more are deleted, a few hundred at a time. */
    private static void deleteUnused(ErasureMapper rows, List<String> hashes) {
        for (int from = 0; from < hashes.size(); from += 500) {
            List<String> page = hashes.subList(from, Math.min(hashes.size(), from + 500));
            rows.deleteUnusedChunks(page);
            rows.deleteUnused(page);
        }
    }

    /** As `contact show`: an unknown contact is not found (exit 3); an ambiguous name lists the candidates (2). */
    private static ContactRow contact(Tx tx, String who) {
        return new Lookup(tx).findContact(who)
                .orElseThrow(() -> new NotFoundException("contact '" + who.strip() + "' not found"));
    }

    /** SQL's IN () takes no empty list: an id no row has stands for none. */
    private static final List<Long> NONE = List.of(-1L);

    private static List<Long> orNone(List<Long> ids) {
        return ids.isEmpty() ? NONE : ids;
    }
}
