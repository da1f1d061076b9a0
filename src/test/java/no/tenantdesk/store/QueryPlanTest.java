package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.ReportBy;
import no.tenantdesk.domain.Status;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The lists people run every day read their page from an index (V005 to V009), not by sorting or counting a whole
 * table: on a million inquiries that is the difference between milliseconds and seconds (scripts/bench); a stored
 * file is read a piece at a time, each found by its key (V010). Each test asks SQLite for the plan of the SQL the
 * mapper makes, so dropping an index or rewriting a query past it fails here.
 */
class QueryPlanTest {

    private static final List<Status> OPEN = List.of(Status.TODO, Status.IN_PROGRESS);

    @TempDir
    Path folder;

    private Path file;
    private Configuration mybatis;

    @BeforeEach
    void open() {
        file = folder.resolve("tenantdesk.db");
        Database.open(file, Duration.ofSeconds(10));
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        mybatis = MapperLoading.configuration(Migrators.dialect());
        // Database reads a mapper's XML on first use; these tests read the statements without using a mapper.
        for (Class<?> mapper : MapperLoading.MAPPERS) {
            mybatis.addMapper(mapper);
        }
    }

    @Test
    void theTaskListReadsItsOrderFromAnIndexAndItsFilesForThePageOnly() throws SQLException {
        TaskMapper.Filter everyTask = new TaskMapper.Filter(null, null, null, null, 50);

        assertThat(plan("TaskMapper.find", everyTask)).contains("SCAN t USING INDEX task_open_due")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan("AttachmentMapper.byTaskFilter", everyTask))
                .contains("SEARCH attachment USING INDEX attachment_task (task_id=?)")
                .containsPattern("SCAN t USING (COVERING )?INDEX task_open_due");
    }

    @Test
    void theDefaultListReadsOpenInquiriesByPriorityFromTheIndexAlone() throws SQLException {
        String plan = plan("InquiryMapper.find", filter(OPEN, null, null, null, "priority", false));

        assertThat(plan).contains("SEARCH i USING COVERING INDEX inquiry_status_priority (status=?)")
                .doesNotContain("SCAN i");
        assertThat(plan("InquiryMapper.count", filter(OPEN, null, null, null, "priority", false)))
                .containsPattern("SEARCH i USING COVERING INDEX inquiry_status_\\w+ \\(status=\\?\\)");
    }

    @Test
    void onlyThePageIsJoinedWithItsPeopleAndPlace() throws SQLException {
        String plan = plan("InquiryMapper.find", filter(OPEN, null, null, null, "priority", false));

        // The page (a co-routine) comes first; the contacts and location are looked up for its rows only.
        assertThat(plan.indexOf("CO-ROUTINE m")).isLessThan(plan.indexOf("SEARCH r USING INTEGER PRIMARY KEY"));
    }

    @Test
    void newestFirstReadsTheCreationIndexInsteadOfSortingEveryInquiry() throws SQLException {
        String plan = plan("InquiryMapper.find", filter(List.of(), null, null, null, "created", true));

        assertThat(plan).contains("SCAN i USING COVERING INDEX inquiry_created");
        assertThat(plan.substring(0, plan.indexOf("SCAN m"))).doesNotContain("TEMP B-TREE");
    }

    @Test
    void everyInquiryByUrgencyReadsTheUrgencyIndexInsteadOfSortingEveryInquiry() throws SQLException {
        String plan = plan("InquiryMapper.find", filter(List.of(), null, null, null, "priority", false));

        assertThat(plan).contains("SCAN i USING COVERING INDEX inquiry_urgency_created");
        assertThat(plan.substring(0, plan.indexOf("SCAN m"))).doesNotContain("TEMP B-TREE");
    }

    @Test
    void doneByUpdateReadsItsIndexInOrderAndCountsWithoutReadingEveryDoneOne() throws SQLException {
        String plan = plan("InquiryMapper.find", filter(List.of(Status.DONE), null, null, null, "updated", false));

        assertThat(plan).contains("SEARCH i USING COVERING INDEX inquiry_status_updated (status=?)");
        assertThat(plan.substring(0, plan.indexOf("SCAN m"))).doesNotContain("TEMP B-TREE");
        // All of them less the open ones: a million done ones are not read one by one.
        assertThat(sql("InquiryMapper.count", filter(List.of(Status.DONE), null, null, null, "updated", false)))
                .contains("(SELECT count(*) FROM inquiry) - (SELECT count(*) FROM inquiry WHERE status IN");
    }

    @Test
    void anAssigneesAndABuildingsOpenInquiriesAreFoundByPersonOrPlaceAndStatus() throws SQLException {
        assertThat(plan("InquiryMapper.find", filter(OPEN, 7L, null, null, "priority", false)))
                .contains("USING INDEX inquiry_assignee_status (assignee_id=? AND status=?)");
        // A building's open ones are sorted from the index, no row read for them (V007).
        String building = plan("InquiryMapper.find", filter(OPEN, null, List.of(1L, 2L, 3L), null, "priority", false));
        assertThat(building.substring(0, building.indexOf("SCAN m"))).contains(
                "SEARCH i USING COVERING INDEX inquiry_location_status_priority (location_id=? AND status=?)");
        assertThat(plan("InquiryMapper.count", filter(OPEN, null, List.of(1L, 2L, 3L), null, "priority", false)))
                .contains("USING COVERING INDEX inquiry_location_status_priority (location_id=? AND status=?)");
        assertThat(plan("InquiryMapper.count", filter(OPEN, null, null, Priority.URGENT, "priority", false)))
                .contains("USING COVERING INDEX inquiry_status_priority (status=? AND priority=?)");
    }

    @Test
    void aPlaceAndEverythingBelowItAreFoundInThePathIndexWithoutReadingEveryPlace() throws SQLException {
        assertThat(plan("LocationMapper.byKey", "bygg a"))
                .contains("SEARCH l USING INDEX sqlite_autoindex_location_1 (path_key=?)")
                .doesNotContain("SCAN l");
        // Its own key, and the range of keys below it: two seeks in the unique index on path_key (V001).
        assertThat(plan("LocationMapper.subtree", 1L))
                .contains("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)")
                .contains("SEARCH d USING COVERING INDEX sqlite_autoindex_location_1 (path_key=?)")
                .contains("SEARCH d USING COVERING INDEX sqlite_autoindex_location_1 (path_key>? AND path_key<?)")
                .doesNotContain("SCAN d");
    }

    @Test
    void aSearchReadsNoRowOfTheIndexContentToFindItsInquiries() throws SQLException {
        InquiryMapper.Filter search = new InquiryMapper.Filter(OPEN, null, false, null, null, null, null,
                List.of(InquiryMapper.SearchTerm.prefix("lekkasje")), "relevance", false, 50, 1000, null);

        // The open ones are read once into a set; each hit's inquiry is its rowid's high half (V006). The page is ids
        // only: no inquiry row is read to rank it.
        String plan = plan("InquiryMapper.rank", search);
        assertThat(plan).contains("LIST SUBQUERY").doesNotContain("USING INTEGER PRIMARY KEY");
        assertThat(sql("InquiryMapper.rank", search)).doesNotContain("inquiry_id FROM search_index")
                .contains("rowid >> 32");
        assertThat(sql("InquiryMapper.count", search)).doesNotContain("bm25");
        assertThat(sql("InquiryMapper.matches", Map.of("searchTerms", List.of(InquiryMapper.SearchTerm.prefix("lekkasje")),
                "inquiryIds", List.of(1L))))
                .contains("rowid >> 32 IN");
    }

    @Test
    void aSearchAmongFewInquiriesCountsThemInThePassThatRanksThem() throws SQLException {
        InquiryMapper.Filter search = new InquiryMapper.Filter(OPEN, null, false, null, null, null, null,
                List.of(new InquiryMapper.SearchTerm("lekk", List.of("lekkasje", "lekkasjen"))), "relevance", false,
                50, 1000, null);

        // Every hit of an open inquiry is in "hit": the count is read from it, not from the index a second time. The
        // open inquiries it keeps are read from their own index, in id order (V008).
        String plan = plan("InquiryMapper.rank", search);
        assertThat(plan).contains("SCAN i USING INDEX inquiry_open\n")
                .containsOnlyOnce("SCAN search_index VIRTUAL TABLE")
                .containsPattern("SCALAR SUBQUERY \\d+\nUSE TEMP B-TREE FOR count\\(DISTINCT\\)\nSCAN hit\n");
        assertThat(sql("InquiryMapper.rank", search)).contains("(SELECT count(DISTINCT inquiry_id) FROM hit) AS total");
        // One person's open ones: found by person and status, not among every open one.
        InquiryMapper.Filter theirs = new InquiryMapper.Filter(OPEN, 7L, false, null, null, null, null,
                search.searchTerms(), "relevance", false, 50, 1000, null);
        assertThat(plan("InquiryMapper.rank", theirs))
                .contains("USING COVERING INDEX inquiry_assignee_status (assignee_id=? AND status=?)")
                .doesNotContain("inquiry_open");
        // The page's rows: by id, the page's only.
        assertThat(plan("InquiryMapper.byIds", Map.of("ids", List.of(5L, 9L, 7L))))
                .contains("SEARCH i USING INTEGER PRIMARY KEY (rowid=?)").doesNotContain("SCAN");
    }

    @Test
    void aSearchRanksTheNewestMatchesReadNewestFirstAndScoresOnlyTheirHits() throws SQLException {
        InquiryMapper.Filter search = new InquiryMapper.Filter(List.of(), null, false, null, null, null, null,
                List.of(new InquiryMapper.SearchTerm("lekk", List.of("lekkasje", "lekkasjen"))), "relevance", false,
                20, 1000, null);

        String plan = plan("InquiryMapper.rank", search);
        // "ranked": the index's rows newest first (its ORDER BY rowid DESC taken by FTS5, no sort), up to 1,000
        // inquiries; "hit": a seek to the oldest of them (a lower bound on the rowid, FTS5's ">").
        String ranked = plan.substring(plan.indexOf("MATERIALIZE ranked"), plan.indexOf("SEARCH ranked"));
        assertThat(ranked).containsPattern("SCAN search_index VIRTUAL TABLE INDEX \\d+:M\\d*\n")
                .doesNotContain("FOR ORDER BY");
        assertThat(sql("InquiryMapper.rank", search)).contains("ORDER BY rowid DESC LIMIT ?")
                .contains("rowid >= ((SELECT min(inquiry_id) FROM ranked) << 32)")
                // Word by word, as the service listed them: FTS5 merges no prefix.
                .contains("'\"' || replace(?, '\"', '\"\"') || '\"' || ' OR '");
        assertThat(plan.substring(plan.indexOf("MATERIALIZE hit")))
                .containsPattern("^MATERIALIZE hit\nSCAN search_index VIRTUAL TABLE INDEX \\d+:M\\d*>\n");
        // The snippets of a page: a seek to the page's range of rowids, not a pass over every hit.
        assertThat(plan("InquiryMapper.matches", Map.of("searchTerms", search.searchTerms(),
                "inquiryIds", List.of(5L, 9L, 7L)))).containsPattern("VIRTUAL TABLE INDEX \\d+:M\\d*><\n");
    }

    @Test
    void theWordsBeginningAPrefixAreReadFromTheIndexsWordListInRange() throws SQLException {
        assertThat(plan("InquiryMapper.wordsBeginning", Map.of("prefix", "lekk", "limit", 17)))
                .contains("SCAN search_terms VIRTUAL TABLE INDEX")
                .doesNotContain("TEMP B-TREE");
    }

    /** A file is read a piece at a time (V010): each piece is one seek by its content and number. */
    @Test
    void eachPieceOfAStoredFileIsOneSeek() throws SQLException {
        assertThat(plan("AttachmentMapper.chunk", Map.of("sha256", "00".repeat(32), "seq", 3L)))
                .contains("SEARCH blob_chunk USING INDEX sqlite_autoindex_blob_chunk_1 (sha256=? AND seq=?)");
        assertThat(plan("AttachmentMapper.blobHead", "00".repeat(32)))
                .contains("SEARCH blob USING INDEX sqlite_autoindex_blob_1 (sha256=?)");
    }

    /** fetch-mail asks once a batch which of its messages are stored: a seek per key, not a scan of every mail. */
    @Test
    void aBatchsStoredMessagesAreOneSeekEach() throws SQLException {
        assertThat(plan("MailMapper.storedKeys", Map.of("keys", List.of("a@tenant.example", "b@tenant.example"))))
                .contains("SEARCH mail_message USING INDEX mail_message_stored (message_key=?)")
                .doesNotContain("SCAN mail_message");
    }

    /**
     * A report's year: the ids of the inquiries open now or done since its start, from the index of closed_at
     * (V023), then each row by its id, in id order; the first reply from the comments' index alone. By month no other
     * table is joined.
     */
    @Test
    void aReportReadsThePeriodsInquiriesByIdAndTheirFirstRepliesFromAnIndex() throws SQLException {
        Map<String, Object> year = Map.of("from", Instant.parse("2025-12-31T23:00:00Z"),
                "to", Instant.parse("2026-12-07T23:00:00Z"), "by", ReportBy.MONTH);

        assertThat(plan("ReportMapper.openDuring", year))
                .contains("SEARCH i USING INTEGER PRIMARY KEY (rowid=?)\nLIST SUBQUERY")
                .contains("SEARCH inquiry USING COVERING INDEX inquiry_closed (closed_at=?)")
                .contains("SEARCH inquiry USING COVERING INDEX inquiry_closed (closed_at>?)")
                .contains("SEARCH c USING COVERING INDEX comment_inquiry_kind (inquiry_id=? AND kind=?)")
                .doesNotContain("inquiry_created").doesNotContain("SEARCH l").doesNotContain("SEARCH o");
        assertThat(plan("ReportMapper.openDuring", Map.of("from", year.get("from"), "to", year.get("to"),
                "by", ReportBy.ORGANIZATION))).contains("SEARCH r USING INTEGER PRIMARY KEY")
                .contains("SEARCH o USING INTEGER PRIMARY KEY").doesNotContain("SEARCH a ");
    }

    private static InquiryMapper.Filter filter(List<Status> statuses, Long assigneeId, List<Long> locationIds,
            Priority priority, String sort, boolean descending) {
        return new InquiryMapper.Filter(statuses, assigneeId, false, null, null, locationIds, priority, null, sort,
                descending, 50, 1000, null);
    }

    private String sql(String statement, Object parameter) {
        return mybatis.getMappedStatement("no.tenantdesk.store." + statement).getBoundSql(parameter).getSql()
                .replaceAll("\\s+", " ");
    }

    /** EXPLAIN QUERY PLAN of the statement, one step a line, indented by depth. */
    private String plan(String statement, Object parameter) throws SQLException {
        MappedStatement mapped = mybatis.getMappedStatement("no.tenantdesk.store." + statement);
        BoundSql sql = mapped.getBoundSql(parameter);
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql.getSql())) {
            new DefaultParameterHandler(mapped, parameter, sql).setParameters(explain);
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(4));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
