package no.tenantdesk.store;

import org.apache.ibatis.annotations.Param;

/** What `inquiry merge` moves: every row that belongs to one inquiry, to another, one table a statement. */
public interface MergeMapper {

    /** The inquiry this one was merged into, or null. */
    Long mergedInto(long id);

    void moveComments(@Param("from") long from, @Param("to") long to);

    void moveTasks(@Param("from") long from, @Param("to") long to);

    void moveAttachments(@Param("from") long from, @Param("to") long to);

    void moveMails(@Param("from") long from, @Param("to") long to);

    void moveOutbox(@Param("from") long from, @Param("to") long to);

    void moveEvents(@Param("from") long from, @Param("to") long to);

    void markMerged(@Param("id") long id, @Param("into") long into);

    /** Those merged into {@code from} before point at {@code to}: a pointer is always one hop. */
    void repoint(@Param("from") long from, @Param("to") long to);
}
