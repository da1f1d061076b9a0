package no.tenantdesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.InquiryDetails;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.domain.SafeNames;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.files.PrivateFiles;
import no.tenantdesk.sla.SlaPolicy;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.ErasureMapper;

/**
 * `contact export`: everything stored about a person, for an access request (GDPR art. 15): the contact, the
 * inquiries they asked with their whole story, their mails as the raw {@code .eml} that came in, and their files.
 * This writes the bytes; the command writes the index beside them.
 */
public final class ExportService {

    private final Database database;
    private final Clock clock;

    public ExportService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @param file where it was written, relative to the export's folder */
    public record Entry(String file, long id, String name, long size) {}

    public record Export(Contact contact, List<InquiryDetails> inquiries, List<Entry> mails, List<Entry> files) {}

    /** Writes the mails and files into {@code folder}, which must be new or empty, made for its user alone. */
    public Export export(String who, Path folder) {
        prepare(folder);
        Written written = writeBytes(who, folder);
        // Each inquiry's story as `inquiry show` tells it, one read each (a person may have asked hundreds).
        // Only reads: no deadline is counted, so the config's targets are not needed.
        InquiryQueries inquiries = new InquiryQueries(database, clock, new Deadlines(SlaPolicy.defaults()));
        List<InquiryDetails> details = new ArrayList<>();
        for (long id : written.inquiries()) {
            details.add(inquiries.show(id));
        }
        return new Export(written.contact(), details, written.mails(), written.files());
    }

    private Written writeBytes(String who, Path folder) {
        return database.read(tx -> {
            ContactRow contact = new Lookup(tx).findContact(who)
                    .orElseThrow(() -> new NotFoundException("contact '" + who.strip() + "' not found"));
            ErasureMapper rows = tx.mapper(ErasureMapper.class);
            List<Long> ids = rows.inquiriesOf(contact.id());
            List<Long> inIds = ids.isEmpty() ? List.of(-1L) : ids;
            String key = contact.email() == null ? null : Lookup.Keys.email(contact.email());
            Blobs blobs = new Blobs(tx);
            List<Entry> mails = new ArrayList<>();
            for (ErasureMapper.Mail mail : rows.mails(inIds, key)) {
                if (mail.rawSha256() != null) {
                    String name = "mails/" + mail.id() + ".eml";
                    mails.add(new Entry(name, mail.id(), mail.subject(), write(blobs, mail.rawSha256(),
                            folder.resolve(name))));
                }
            }
            List<Entry> files = new ArrayList<>();
            for (ErasureMapper.FileRow file : rows.files(inIds)) {
                String name = "files/" + file.id() + "-" + SafeNames.filename(file.filename());
                files.add(new Entry(name, file.id(), file.filename(), write(blobs, file.sha256(),
                        folder.resolve(name))));
            }
            return new Written(contact.toContact(), ids, mails, files);
        });
    }

    private record Written(Contact contact, List<Long> inquiries, List<Entry> mails, List<Entry> files) {}

    private static void prepare(Path folder) {
        try {
            if (Files.exists(folder)) {
                try (var entries = Files.list(folder)) {
                    if (!Files.isDirectory(folder) || entries.findAny().isPresent()) {
                        throw new InvalidInputException("contact export: " + folder + " exists and is not an empty"
                                + " folder; give a new one with -o");
                    }
                }
            }
            PrivateFiles.createFolders(folder.resolve("mails"));
            PrivateFiles.createFolders(folder.resolve("files"));
        } catch (IOException e) {
            throw new InvalidInputException("contact export: cannot write " + folder + ": " + e.getMessage());
        }
    }

    private static long write(Blobs blobs, String sha256, Path file) {
        try {
            PrivateFiles.createFile(file);
            return blobs.copy(sha256, file);
        } catch (IOException e) {
            throw new TenantdeskException("contact export: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
