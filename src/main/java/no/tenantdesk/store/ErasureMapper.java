package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.Removal;
import org.apache.ibatis.annotations.Param;

/** The rows that hold a person's data, and how `contact forget` rewrites them (and `db prune` removes bytes). */
public interface ErasureMapper {

    /** A row with several texts (an inquiry's title and description; a task's title, description and note). */
    record Texts(long id, String first, String second, String third) {}

    record Mail(long id, String sender, String subject, String reason, String rawSha256) {}

    record Outgoing(long id, String recipient, String subject, String rawSha256) {}

    record FileRow(long id, String filename, String addedBy, String sha256) {}

    /** What an erasure would take: counted where the rows are, none of them read (`contact forget`'s question). */
    record Counts(long inquiries, long mails, long files) {}

    List<Long> inquiriesOf(@Param("contactId") long contactId);

    /** As {@link #inquiriesOf}, {@link #mails} and {@link #files} would list them, counted. */
    Counts counts(@Param("contactId") long contactId, @Param("senderKey") String senderKey);

    /** Open tasks and open inquiries the contact is assigned: a staff member's work, not to be orphaned. */
    long openAssignments(@Param("contactId") long contactId);

    List<Texts> inquiryTexts(@Param("ids") List<Long> ids);

    /** A comment's body and author (a tenant's mail is written by them). */
    List<Texts> comments(@Param("ids") List<Long> ids);

    List<Texts> tasks(@Param("ids") List<Long> ids);

    List<FileRow> files(@Param("ids") List<Long> ids);

    /** Events (values, actor) of these inquiries, and events anywhere whose values name the person ({@code like}). */
    List<Texts> events(@Param("ids") List<Long> ids, @Param("like") String like);

    List<Mail> mails(@Param("ids") List<Long> ids, @Param("senderKey") String senderKey);

    List<Outgoing> outgoing(@Param("ids") List<Long> ids, @Param("recipientKey") String recipientKey);

    void eraseDigests(@Param("recipientKey") String recipientKey);

    void updateInquiry(@Param("id") long id, @Param("title") String title, @Param("description") String description);

    void updateComment(@Param("id") long id, @Param("body") String body, @Param("author") String author);

    void updateTask(@Param("id") long id, @Param("title") String title, @Param("description") String description,
            @Param("note") String note);

    void updateEvent(@Param("id") long id, @Param("oldValue") String oldValue, @Param("newValue") String newValue,
            @Param("actor") String actor);

    /** A file's name rewritten and its bytes let go: it points at the empty content from now on. */
    void removeFile(@Param("id") long id, @Param("filename") String filename, @Param("addedBy") String addedBy,
            @Param("empty") String empty,
            @Param("at") Instant at, @Param("by") Removal by);

    /**
     * A mail's subject and reason with the mentions replaced (the few that have one; the rest by {@link
     * #eraseMails}).
     */
    void updateMail(@Param("id") long id, @Param("subject") String subject, @Param("reason") String reason);

    /** Her mails ({@link #mails}) in one statement: sender, address, Message-ID and raw bytes gone. */
    void eraseMails(@Param("contactId") long contactId, @Param("senderKey") String senderKey,
            @Param("marker") String marker, @Param("at") Instant at);

    void eraseOutgoing(@Param("id") long id, @Param("recipient") String recipient, @Param("subject") String subject,
            @Param("empty") String empty);

    /** For the rest of the transaction, what is deleted or overwritten does not stay in the file's free space. */
    void zeroWhatIsFreed();

    /** Until {@link #resumeSearch}, the triggers leave the search rows of these inquiries alone (V021). */
    void pauseSearch(@Param("ids") List<Long> ids);

    /** The search rows of the paused inquiries taken out, and written again from their rows as they are now. */
    void removeSearchRows();

    void addSearchRows();

    void resumeSearch();

    void eraseContact(@Param("id") long id, @Param("name") String name, @Param("nameKey") String nameKey,
            @Param("at") Instant at);

    /** Places the contact was responsible for get nobody: the next task there goes to the area above. */
    void releaseLocations(@Param("contactId") long contactId);

    void insertErasure(@Param("contactId") long contactId, @Param("actor") String actor,
            @Param("inquiries") long inquiries, @Param("mails") long mails, @Param("files") long files,
            @Param("texts") long texts, @Param("at") Instant at);

    /** Deletes the contents among these that nothing refers to any more, with their pieces; how many went. */
    int deleteUnused(@Param("hashes") List<String> hashes);

    int deleteUnusedChunks(@Param("hashes") List<String> hashes);
}
