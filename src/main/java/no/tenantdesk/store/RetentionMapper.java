package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * `db prune`: the done inquiries whose stored bytes are past the config's retention, and their bytes let go. Every
 * select asks again whether the inquiry is still done and since when, so that one reopened in between keeps all.
 * Contents nothing refers to any more are deleted with {@link ErasureMapper#deleteUnused}.
 */
public interface RetentionMapper {

    /** A mail whose raw bytes, or a file whose bytes, may go: with its size as stored. */
    record Stored(long id, long inquiryId, String sha256, long size) {}

    /**
     * Done inquiries with raw mail done before {@code mailBefore}, or files done before {@code filesBefore} (either
     * may be null: not pruned), still holding them; by id, after {@code after}, at most {@code limit}.
     */
    List<Long> inquiries(@Param("mailBefore") Instant mailBefore, @Param("filesBefore") Instant filesBefore,
            @Param("after") long after, @Param("limit") int limit);

    List<Stored> mails(@Param("ids") List<Long> ids, @Param("before") Instant before);

    List<Stored> files(@Param("ids") List<Long> ids, @Param("before") Instant before);

    void pruneMails(@Param("ids") List<Long> ids, @Param("at") Instant at);

    /** The outbox's copy of those mails (a reply we sent), unless it still waits to be sent. */
    void pruneOutgoing(@Param("mailIds") List<Long> mailIds, @Param("empty") String empty);

    void pruneFiles(@Param("ids") List<Long> ids, @Param("empty") String empty, @Param("at") Instant at);

    /** The bytes of the contents among these that nothing refers to any more: what deleting them frees. */
    long unusedBytes(@Param("hashes") List<String> hashes);
}
