package no.tenantdesk.store;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;

/**
 * Every row of every table, as maps of column to value in its Java type, for `db copy` (service/DatabaseCopy): a
 * page of rows after a key ({@code after}: an id, or a content's SHA-256), in key order, and the same row written
 * into another database with its key.
 */
public interface CopyMapper {

    /** A table and how many rows it holds. */
    record Count(String name, long total) {}

    List<Count> counts();

    int schemaVersion();

    /** PostgreSQL: each identity goes on after the highest id copied. */
    void continueIds();

    /** Sets a copied location's parent and responsible person, once the contacts are there. */
    void linkLocation(@Param("row") Map<String, Object> row);

    /** Inquiries merged into another, {id, merged_into}: set once every inquiry is there (the target may be newer). */
    List<Map<String, Object>> mergedInquiries();

    void linkMerged(@Param("row") Map<String, Object> row);

    /** The SHA-256 of stored contents after {@code after}, in order. */
    List<String> contents(@Param("after") String after, @Param("limit") int limit);

    /** The pieces after piece {@code afterSeq} of content {@code after}, then those of the contents after it. */
    List<Map<String, Object>> blobChunk(@Param("after") String after, @Param("afterSeq") Long afterSeq,
            @Param("limit") int limit);

    List<Map<String, Object>> blob(@Param("after") String after, @Param("limit") int limit);

    List<Map<String, Object>> location(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> contact(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> organization(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> organizationDomain();

    List<Map<String, Object>> digestSent();

    List<Map<String, Object>> organizationLocation();

    List<Map<String, Object>> locationAlias();

    List<Map<String, Object>> inquiry(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> task(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> comment(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> attachment(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> event(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> mailMessage(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> outbox(@Param("after") Long after, @Param("limit") int limit);

    List<Map<String, Object>> erasure(@Param("after") Long after, @Param("limit") int limit);

    void insertLocation(@Param("row") Map<String, Object> row);

    void insertContact(@Param("row") Map<String, Object> row);

    void insertOrganization(@Param("row") Map<String, Object> row);

    void insertOrganizationDomain(@Param("row") Map<String, Object> row);

    void insertDigestSent(@Param("row") Map<String, Object> row);

    void insertOrganizationLocation(@Param("row") Map<String, Object> row);

    void insertLocationAlias(@Param("row") Map<String, Object> row);

    void insertInquiry(@Param("row") Map<String, Object> row);

    void insertTask(@Param("row") Map<String, Object> row);

    void insertComment(@Param("row") Map<String, Object> row);

    void insertBlob(@Param("row") Map<String, Object> row);

    void insertBlobChunk(@Param("row") Map<String, Object> row);

    void insertAttachment(@Param("row") Map<String, Object> row);

    void insertEvent(@Param("row") Map<String, Object> row);

    void insertMailMessage(@Param("row") Map<String, Object> row);

    void insertOutbox(@Param("row") Map<String, Object> row);

    void insertErasure(@Param("row") Map<String, Object> row);

    /** What a quick check of the file finds wrong: "ok" alone when nothing. */
    List<String> problems();

}
