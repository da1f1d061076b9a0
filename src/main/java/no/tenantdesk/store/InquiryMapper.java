package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.LocationFrom;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.SearchField;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import org.apache.ibatis.annotations.Param;

public interface InquiryMapper {

    record NewInquiry(
            String title,
            String description,
            Status status,
            Priority priority,
            Source source,
            Long requesterId,
            Long locationId,
            LocationFrom locationFrom,
            String locationMatched,
            Long assigneeId,
            Instant createdAt,
            Instant respondBy,
            Instant resolveBy) {}

    /** The columns an operator can change; written whole, read back whole. */
    record Fields(
            long id,
            String title,
            String description,
            Status status,
            Priority priority,
            Long requesterId,
            Long locationId,
            LocationFrom locationFrom,
            String locationMatched,
            Long assigneeId,
            Instant updatedAt,
            Instant closedAt) {}

    /**
     * A word of a search: as the user typed it, and the words of the index that begin with it ({@link
     * #wordsBeginning}). With none listed, the index is asked for every word beginning with {@code typed}.
     */
    record SearchTerm(String typed, List<String> words) {

        public SearchTerm {
            words = List.copyOf(words);
        }

        /** The typed word as a prefix, its words not listed. */
        public static SearchTerm prefix(String typed) {
            return new SearchTerm(typed, List.of());
        }
    }

    /**
     * What `inquiry list` asks for. Empty lists and nulls mean "any". {@code searchTerms} are the words of a search,
     * each matched as the beginning of a word, all of them required. {@code sort} is one of priority, created,
     * updated, id, title, status, due ({@link #find}), or relevance (with search terms, {@link #rank}); the order is
     * stable (ties broken by id). By relevance, only the newest {@code ranked} matching inquiries are scored (see
     * searchHits in the XML).
     */
    record Filter(
            List<Status> statuses,
            Long assigneeId,
            boolean unassigned,
            Long requesterId,
            Long organizationId,
            List<Long> locationIds,
            Priority priority,
            List<SearchTerm> searchTerms,
            String sort,
            boolean descending,
            int limit,
            int ranked,
            Instant overdueAt) {}

    @IgnoresHeldRows
    long insert(NewInquiry inquiry);

    /**
     * A new inquiry with an id reserved for it ({@link #reserveIds}), held back by {@link WriteBehind}, with its search
     * words being made ({@link HeldWords}).
     */
    record Held(long id, NewInquiry row, HeldWords words) {}

    /**
     * Inquiries with their reserved ids, and their search rows, in one statement ({@link HeldColumns#inquiries};
     * PostgreSQL: on SQLite ids are not reserved, and each is inserted by {@link #insert}).
     */
    void insertAll(@Param("c") Map<String, Object> columns);

    /** As many new ids as asked for, from the table's sequence; none where the database does not hand them out. */
    @IgnoresHeldRows
    List<Long> reserveIds(@Param("count") int count);

    /** The newest open inquiry with this title from the contact with this address, or null. */
    Long openBySubject(@Param("emailKey") String emailKey, @Param("title") String title);

    InquiryRow byId(long id);

    void update(Fields fields);

    /**
     * Takes the inquiry for this transaction's change: another writer's change of it waits until this one ends, and
     * then reads what this one wrote. Null when there is no such inquiry.
     */
    Long lock(long id);

    void touch(@Param("id") long id,
            @Param("updatedAt") Instant updatedAt);

    /**
     * An inquiry's deadlines as stored (V015), with what counting them needs.
     *
     * @param lateNoted which passed deadlines have their event: 1 the response, 2 the resolution
     */
    record Deadlines(long id, Priority priority, Status status, Instant createdAt, Instant respondBy,
            Instant resolveBy, Instant resolveFrom, Instant respondedAt, int lateNoted) {}

    Deadlines deadlines(long id);

    /** Writes them, and due_at: the deadline still to meet, null when done. */
    void setDeadlines(@Param("id") long id, @Param("respondBy") Instant respondBy,
            @Param("resolveBy") Instant resolveBy, @Param("resolveFrom") Instant resolveFrom,
            @Param("respondedAt") Instant respondedAt, @Param("dueAt") Instant dueAt,
            @Param("lateNoted") int lateNoted);

    /** Open inquiries made before deadlines existed, that have none yet, at most {@code limit}. */
    List<Deadlines> withoutDeadlines(int limit);

    /** Open inquiries with a deadline passed by {@code now} and not yet recorded, earliest first. */
    List<Deadlines> passed(@Param("now") Instant now, @Param("limit") int limit);

    /** A page sorted by anything but relevance, with its rows. */
    List<InquiryRow> find(Filter filter);

    /**
     * One inquiry of a page by relevance: its id, and how many inquiries match in all when the pass that ranked
     * them could tell (PostgreSQL always; SQLite when fewer match than it ranks), else null: ask {@link #count}.
     */
    record Ranked(long id, Long total) {}

    /** A page by relevance, best first: the ids only ({@link #byIds} reads their rows). */
    List<Ranked> rank(Filter filter);

    /** The inquiries with these ids (at least one), in no particular order. */
    List<InquiryRow> byIds(@Param("ids") List<Long> ids);

    long count(Filter filter);

    /** The best place each inquiry matched the search terms. */
    record MatchRow(long inquiryId, SearchField field, String snippet) {}

    List<MatchRow> matches(@Param("searchTerms") List<SearchTerm> searchTerms,
            @Param("inquiryIds") List<Long> inquiryIds);

    /** The words of the search index that begin with {@code prefix} (folded as the index folds), in order. */
    List<String> wordsBeginning(@Param("prefix") String prefix,
            @Param("limit") int limit);

    /**
     * Until {@link #indexDeferred}, the texts of new inquiries and comments wait instead of going into the search
     * index statement by statement (V011): for a batch of many inserts in one transaction.
     */
    void deferSearch();

    /** Adds the texts of the inquiries and comments made since {@link #deferSearch} to the search index. */
    void indexDeferred();

    /** After {@link #indexDeferred}: the triggers add texts again. */
    void endDeferral();
}
