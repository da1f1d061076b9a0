package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
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

    /** Stores the bytes unless a file with the same SHA-256 is stored already. */
    void insertBlob(@Param("sha256") String sha256, @Param("size") long size, @Param("data") byte[] data);

    long insert(NewAttachment attachment);

    Attachment byId(long id);

    List<Attachment> byInquiry(long inquiryId);

    List<Attachment> byTask(long taskId);

    /** The files of every task that `task list` shows, in one query rather than one per task. */
    List<Attachment> byTaskFilter(TaskMapper.Filter filter);

    /** A wrapper, because MyBatis reads a byte[] return type as "many rows". */
    record BlobData(byte[] data) {}

    BlobData blob(String sha256);
}
