package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.Attachment;
import org.apache.ibatis.annotations.Param;

public interface AttachmentMapper {

    record NewAttachment(
            long inquiryId,
            Long commentId,
            Long taskId,
            String sha256,
            String filename,
            String contentType,
            long size,
            String addedBy,
            Instant createdAt) {}

    /**
     * A content with its first piece, unless a file with the same SHA-256 is stored already; the other pieces go in
     * with {@link #insertChunk}. Only through {@link Blobs}, which cuts the pieces.
     *
     * @return 1 when the content is new, 0 when it was there
     */
    int insertBlob(@Param("sha256") String sha256, @Param("size") long size, @Param("first") byte[] first);

    /** Contents of one piece each, in one statement ({@link HeldColumns#blobs}); those stored already are left. */
    void insertBlobs(@Param("c") Map<String, Object> columns);

    @SuppressWarnings("ArrayRecordComponent") // written once, never compared
    record NewBlob(String sha256, long size, byte[] data) {}

    void insertChunk(@Param("sha256") String sha256, @Param("seq") long seq, @Param("data") byte[] data);

    long insert(NewAttachment attachment);

    Attachment byId(long id);

    List<Attachment> byInquiry(long inquiryId);

    List<Attachment> byTask(long taskId);

    /** The files of every task that `task list` shows, in one query rather than one per task. */
    List<Attachment> byTaskFilter(TaskMapper.Filter filter);

    /** A content's whole size and its first piece. */
    @SuppressWarnings("ArrayRecordComponent") // read once, never compared
    record BlobHead(long size, byte[] data) {}

    /** Null when no such content is stored. */
    BlobHead blobHead(String sha256);

    /** A wrapper, because MyBatis reads a byte[] return type as "many rows". */
    @SuppressWarnings("ArrayRecordComponent") // read once, never compared
    record Chunk(byte[] data) {}

    /** Piece {@code seq} (1 and up: piece 0 is in the blob row); null when there is no such piece. */
    Chunk chunk(@Param("sha256") String sha256, @Param("seq") long seq);
}
