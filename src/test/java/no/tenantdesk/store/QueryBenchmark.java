package no.tenantdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import no.tenantdesk.service.Deadlines;
import no.tenantdesk.sla.SlaPolicy;
import no.tenantdesk.domain.InquiryDetails;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Status;
import no.tenantdesk.service.InquiryQueries;
import no.tenantdesk.service.InquiryQueries.Query;
import no.tenantdesk.service.InquiryQueries.Sort;
import no.tenantdesk.service.InquiryQueries.StatusFilter;
import no.tenantdesk.service.TaskService;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import org.sqlite.SQLiteDataSource;

/**
 * The query benchmark of scripts/bench: how long each common read takes inside the program on a given database
 * (made by scripts/MakeBigDatabase.java), with nothing else: no JVM start, no rendering. A JMH benchmark with one
 * fork per figure; {@link #main} runs them all and prints one line each.
 *
 * <p>Each figure is one service call, exactly what the command runs between parsing its options and printing: its
 * own transaction on a new connection, as every call of the program has, so SQLite's page cache starts empty as in a
 * new process (the operating system's file cache is warm after the warm-up). The forked JVM runs with the launcher's
 * flags. The figure is the median of JMH's samples.
 *
 * <pre>
 * java -cp CLASSPATH no.tenantdesk.store.QueryBenchmark DB [--explain] [--tsv] [--only TEXT]
 * </pre>
 * --explain prints SQLite's EXPLAIN QUERY PLAN of every statement a figure runs, with the SQL that MyBatis makes from
 * the mapper XML for that very call, instead of timing. --tsv prints "name TAB median ms TAB min TAB max TAB rows"
 * lines for scripts/bench. --only runs the figures whose name contains TEXT. Opening the database applies any
 * migration it lacks (a new index on a big file takes a while): that is timed and printed first, and not part of
 * any figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class QueryBenchmark {

    static final Deadlines DEADLINES = new Deadlines(SlaPolicy.defaults());

    static final String STORE = "no.tenantdesk.store.";

    /** The database file, or a PostgreSQL server's URL (postgresql://USER@HOST[:PORT]/NAME; PGPASSWORD if any). */
    @Param("")
    public String db;

    /** The name of the figure to time, as {@link Figures#of} names it. */
    @Param("")
    public String figure;

    private Supplier<Integer> call;

    @Setup
    public void setUp() throws SQLException {
        call = Figures.of(db).named(figure).call();
    }

    @Benchmark
    public int query() {
        return call.get();
    }

    /** A statement a figure runs, and its parameter, for EXPLAIN QUERY PLAN. */
    record Statement(String id, Object parameter) {}

    /** A figure: its name, the call it times (returning the rows it got) and the statements that call runs. */
    record Figure(String name, Supplier<Integer> call, List<Statement> statements) {}

    /** The figures on one database, with the worst cases of each kind looked up in it. */
    record Figures(String db, List<Figure> all, String description) {

        Figure named(String name) {
            return all.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no figure named " + name));
        }

        static Figures of(String db) throws SQLException {
            Database database = Database.open(address(db), Duration.ofSeconds(10));
            InquiryQueries inquiries = new InquiryQueries(database, Clock.systemUTC(), DEADLINES);
            TaskService tasks = new TaskService(database, Clock.systemUTC());
            try (Connection c = connect(db)) {
                // The worst cases of each kind: the busiest staff member, tenant and task assignee, the longest story.
                long assigneeId = number(c, "SELECT assignee_id FROM inquiry WHERE assignee_id IS NOT NULL "
                        + "GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1");
                String assignee = text(c, "SELECT email FROM contact WHERE id = " + assigneeId);
                long tenantId = number(c, "SELECT requester_id FROM inquiry WHERE requester_id IS NOT NULL "
                        + "GROUP BY requester_id ORDER BY count(*) DESC LIMIT 1");
                String tenant = text(c, "SELECT email FROM contact WHERE id = " + tenantId);
                long taskAssigneeId = number(c, "SELECT assignee_id FROM task WHERE assignee_id IS NOT NULL "
                        + "GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1");
                String taskAssignee = text(c, "SELECT email FROM contact WHERE id = " + taskAssigneeId);
                long longest = number(c, "SELECT inquiry_id FROM comment GROUP BY inquiry_id ORDER BY count(*) DESC, "
                        + "inquiry_id LIMIT 1");
                String building =
                        text(c, "SELECT path FROM location WHERE parent_id IS NULL ORDER BY path_key LIMIT 1");
                List<Long> subtree = numbers(c, "SELECT id FROM location WHERE path_key = lower('" + building
                        + "') OR path_key LIKE lower('" + building + "') || '/%' ORDER BY id");
                long buildingId = number(c, "SELECT id FROM location WHERE path_key = lower('" + building + "')");
                long inquiryCount = number(c, "SELECT count(*) FROM inquiry");
                long commentCount = number(c, "SELECT count(*) FROM comment");

                List<Figure> figures = new ArrayList<>();
                list(figures, inquiries, "inquiry list", open(null, null, null, null, null, null, false), filter(
                        List.of(Status.TODO, Status.IN_PROGRESS), null, null, null, null, null, "priority", false));
                list(figures, inquiries, "inquiry list --status all",
                        new Query(StatusFilter.ALL, false, null, null, null, null, null, null, null, false, 50),
                        filter(List.of(), null, null, null, null, null, "priority", false));
                list(figures, inquiries, "inquiry list --status all --sort -created",
                        new Query(StatusFilter.ALL, false, null, null, null, null, null, null, Sort.CREATED, true, 50),
                        filter(List.of(), null, null, null, null, null, "created", true));
                list(figures, inquiries, "inquiry list --assignee X", open(assignee, null, null, null, null, null,
                        false), filter(List.of(Status.TODO, Status.IN_PROGRESS), assigneeId, null, null, null, null,
                        "priority", false));
                list(figures, inquiries, "inquiry list --tenant X",
                        open(null, tenant, null, null, null, null, false),
                        filter(List.of(Status.TODO, Status.IN_PROGRESS), null, tenantId, null, null, null,
                                "priority", false));
                list(figures, inquiries, "inquiry list --location '" + building + "'",
                        open(null, null, building, null, null, null, false),
                        filter(List.of(Status.TODO, Status.IN_PROGRESS), null, null, subtree, null, null,
                                "priority", false),
                        new Statement("LocationMapper.byKey", building.toLowerCase(Locale.ROOT)),
                        new Statement("LocationMapper.subtree", buildingId));
                list(figures, inquiries, "inquiry list --priority urgent",
                        open(null, null, null, Priority.URGENT, null, null, false),
                        filter(List.of(Status.TODO, Status.IN_PROGRESS), null, null, null, Priority.URGENT, null,
                                "priority", false));
                list(figures, inquiries, "inquiry list --status done --sort updated",
                        new Query(StatusFilter.DONE, false, null, null, null, null, null, null, Sort.UPDATED, false, 50),
                        filter(List.of(Status.DONE), null, null, null, null, null, "updated", false));
                list(figures, inquiries, "inquiry list --search lekkasje",
                        open(null, null, null, null, "lekkasje", null, false),
                        filter(List.of(Status.TODO, Status.IN_PROGRESS), null, null, null, null,
                                terms(c, "lekkasje"), "relevance", false));
                list(figures, inquiries, "inquiry list --search kakerlakk",
                        open(null, null, null, null, "kakerlakk", null, false),
                        filter(List.of(Status.TODO, Status.IN_PROGRESS), null, null, null, null,
                                terms(c, "kakerlakk"), "relevance", false));
                search(figures, inquiries, "lekkasje", terms(c, "lekkasje"));
                search(figures, inquiries, "kakerlakk", terms(c, "kakerlakk"));
                figures.add(new Figure("inquiry show " + longest, () -> {
                    InquiryDetails details = inquiries.show(longest);
                    return details.comments().size() + details.events().size();
                }, List.of(new Statement("InquiryMapper.byId", longest),
                        new Statement("CommentMapper.byInquiry", longest),
                        new Statement("EventMapper.byInquiry", longest),
                        new Statement("AttachmentMapper.byInquiry", longest),
                        new Statement("TaskMapper.find", new TaskMapper.Filter(longest, null, null, null)),
                        new Statement("MailMapper.byInquiry", longest),
                        new Statement("OutboxMapper.byInquiry", longest))));
                TaskMapper.Filter taskFilter = new TaskMapper.Filter(null, taskAssigneeId, null, null, 50);
                figures.add(new Figure("task list --assignee X",
                        () -> tasks.list(new TaskService.Query(null, taskAssignee, null, null, 50)).tasks().size(),
                        List.of(new Statement("ContactMapper.byEmailKey", taskAssignee),
                                new Statement("TaskMapper.find", taskFilter),
                                new Statement("AttachmentMapper.byTaskFilter", taskFilter),
                                new Statement("TaskMapper.count", taskFilter))));
                TaskMapper.Filter allTasks = new TaskMapper.Filter(null, null, null, null, 50);
                figures.add(new Figure("task list",
                        () -> tasks.list(new TaskService.Query(null, null, null, null, 50)).tasks().size(),
                        List.of(new Statement("TaskMapper.find", allTasks),
                                new Statement("AttachmentMapper.byTaskFilter", allTasks),
                                new Statement("TaskMapper.count", allTasks))));

                String description = String.format(Locale.ROOT, "database: %s, %,d inquiries, %,d comments, %,d bytes"
                                + "%nX: assignee %s, tenant %s, task assignee %s", db, inquiryCount, commentCount,
                        sizeOf(c, db), assignee, tenant, taskAssignee);
                return new Figures(db, List.copyOf(figures), description);
            }
        }
    }

    public static void main(String... args) throws Exception {
        String db = null;
        boolean explain = false;
        boolean tsv = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--explain" -> explain = true;
                case "--tsv" -> tsv = true;
                case "--only" -> only = args[++i];
                default -> db = isServer(args[i]) ? args[i] : Path.of(args[i]).toAbsolutePath().toString();
            }
        }
        if (db == null || !isServer(db) && !Files.isRegularFile(Path.of(db))) {
            System.err.println("usage: QueryBenchmark FILE|postgresql://USER@HOST[:PORT]/NAME [--explain] [--tsv]"
                    + " [--only TEXT]");
            System.exit(2);
        }

        long opening = System.nanoTime();
        Figures figures = Figures.of(db);
        System.err.printf(Locale.ROOT, "%s%nopened (with any pending migration, and the worst cases looked up) in "
                + "%.0f ms%n", figures.description(), (System.nanoTime() - opening) / 1e6);
        List<Figure> chosen = new ArrayList<>();
        for (Figure figure : figures.all()) {
            if (only == null || figure.name().contains(only)) {
                chosen.add(figure);
            }
        }

        if (explain) {
            Configuration mybatis = mybatis(db);
            try (Connection c = connect(db)) {
                for (Figure figure : chosen) {
                    System.out.println(figure.name());
                    for (Statement statement : figure.statements()) {
                        explain(c, mybatis, statement);
                    }
                }
            }
            return;
        }

        OptionsBuilder options = new OptionsBuilder();
        options.include(QueryBenchmark.class.getName() + ".query")
                .param("db", db)
                .param("figure", chosen.stream().map(Figure::name).toArray(String[]::new))
                .verbosity(VerboseMode.SILENT);
        Collection<RunResult> results = new Runner(options.build()).run();
        if (!tsv) {
            System.out.printf("%-48s %9s %9s %9s %8s %8s%n", "query (in-process, ms)", "median", "min", "max",
                    "samples", "rows");
        }
        for (Figure figure : chosen) {
            RunResult result = results.stream()
                    .filter(r -> r.getParams().getParam("figure").equals(figure.name()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("JMH ran no " + figure.name()));
            Statistics times = result.getPrimaryResult().getStatistics();
            int rows = figure.call().get(); // what the call finds, so that a figure of an empty answer shows
            System.out.printf(Locale.ROOT, tsv ? "%s\t%.1f\t%.1f\t%.1f\t%d\t%d%n" : "%-48s %9.1f %9.1f %9.1f %8d %8d%n",
                    figure.name(), times.getPercentile(50), times.getMin(), times.getMax(), times.getN(), rows);
        }
    }

    static Query open(String assignee, String tenant, String location, Priority priority, String search, Sort sort,
            boolean descending) {
        return new Query(StatusFilter.OPEN, false, assignee, tenant, null, location, priority, search, sort, descending, 50);
    }

    static InquiryMapper.Filter filter(List<Status> statuses, Long assigneeId, Long requesterId, List<Long> locationIds,
            Priority priority, List<InquiryMapper.SearchTerm> searchTerms, String sort, boolean descending) {
        return new InquiryMapper.Filter(statuses, assigneeId, false, requesterId, null, locationIds, priority, searchTerms,
                sort, descending, 50, InquiryQueries.RANKED, null);
    }

    /** A word of a search as InquirySearch asks for it: the index's words that begin with it (V007). */
    static List<InquiryMapper.SearchTerm> terms(Connection c, String word) throws SQLException {
        List<String> words = new ArrayList<>();
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            return List.of(new InquiryMapper.SearchTerm(word, words)); // its GIN index lists none (InquiryMapper.xml)
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT term FROM search_terms WHERE term >= ? AND term < ? || char(1114111) ORDER BY term")) {
            s.setString(1, word);
            s.setString(2, word);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    words.add(rs.getString(1));
                }
            }
        }
        return List.of(new InquiryMapper.SearchTerm(word, words));
    }

    /** `inquiry list …`: the page and, when it is full, the count ("Showing 50 of N"). */
    static void list(List<Figure> figures, InquiryQueries service, String name, Query query,
            InquiryMapper.Filter filter, Statement... lookUps) {
        List<Statement> statements = new ArrayList<>(List.of(lookUps));
        if (filter.sort().equals("relevance")) {
            statements.add(new Statement("InquiryMapper.rank", filter));
            statements.add(new Statement("InquiryMapper.byIds", Map.of("ids", List.of(1L, 2L, 3L))));
        } else {
            statements.add(new Statement("InquiryMapper.find", filter));
        }
        statements.add(new Statement("InquiryMapper.count", filter));
        figures.add(new Figure(name, () -> {
            InquiryQueries.Page page = service.list(query);
            return page.inquiries().size();
        }, List.copyOf(statements)));
    }

    /** `search TEXT`: status all, 20 best, each with a snippet of where it matched best. */
    static void search(List<Figure> figures, InquiryQueries service, String word,
            List<InquiryMapper.SearchTerm> terms) {
        InquiryMapper.Filter filter = new InquiryMapper.Filter(List.of(), null, false, null, null, null, null,
                terms, "relevance", false, 20, InquiryQueries.RANKED, null);
        Map<String, Object> matches = new HashMap<>();
        matches.put("searchTerms", terms);
        matches.put("inquiryIds", List.of(1L, 2L, 3L));
        figures.add(new Figure("search " + word, () -> service.search(word, StatusFilter.ALL, 20).hits().size(),
                List.of(new Statement("InquiryMapper.wordsBeginning", Map.of("prefix", word, "limit", 17)),
                        new Statement("InquiryMapper.rank", filter),
                        new Statement("InquiryMapper.byIds", Map.of("ids", List.of(1L, 2L, 3L))),
                        new Statement("InquiryMapper.matches", matches),
                        new Statement("InquiryMapper.count", filter))));
    }

    static void explain(Connection c, Configuration mybatis, Statement statement) throws SQLException {
        MappedStatement mapped = mybatis.getMappedStatement(STORE + statement.id());
        BoundSql sql = mapped.getBoundSql(statement.parameter());
        System.out.println("    " + statement.id() + ":");
        boolean server = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        try (PreparedStatement plan = c.prepareStatement((server ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ")
                + sql.getSql())) {
            new DefaultParameterHandler(mapped, statement.parameter(), sql).setParameters(plan);
            if (server) { // the plan as it ran, with its times: PostgreSQL's plans depend on the figures
                try (ResultSet rs = plan.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("      " + rs.getString(1));
                    }
                }
                return;
            }
            Map<Integer, Integer> depth = new HashMap<>();
            try (ResultSet rs = plan.executeQuery()) {
                while (rs.next()) {
                    int level = depth.getOrDefault(rs.getInt(2), 0) + 1;
                    depth.put(rs.getInt(1), level);
                    System.out.println("      " + "  ".repeat(level - 1) + rs.getString(4));
                }
            }
        }
    }

    /** The mapper XML as the program loads it, every mapper at once, to see the SQL of one call. */
    static Configuration mybatis(String db) {
        Configuration configuration = MapperLoading.configuration(
                isServer(db) ? Dialect.of(address(db), Duration.ofSeconds(10)) : Migrators.dialect());
        MapperLoading.MAPPERS.forEach(configuration::addMapper);
        return configuration;
    }

    static boolean isServer(String db) {
        return db.startsWith("postgresql://");
    }

    static DatabaseAddress address(String db) {
        DatabaseAddress address = DatabaseAddress.parse(db, Path::of);
        String password = System.getenv("PGPASSWORD");
        return address instanceof PostgresServer server && password != null
                ? server.withPassword(password, "PGPASSWORD") : address;
    }

    /** Plain JDBC, to look up the worst cases and to explain. */
    static Connection connect(String db) throws SQLException {
        if (!isServer(db)) {
            return DriverManager.getConnection("jdbc:sqlite:" + db);
        }
        PostgresServer server = (PostgresServer) address(db);
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", server.user());
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        return new org.postgresql.Driver().connect("jdbc:postgresql://" + server.host() + ":" + server.port() + "/"
                + server.databaseOrUser(), properties);
    }

    static long sizeOf(Connection c, String db) throws SQLException {
        if (isServer(db)) {
            return number(c, "SELECT pg_database_size(current_database())");
        }
        try {
            return Files.size(Path.of(db));
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static long number(Connection c, String sql) throws SQLException {
        List<Long> all = numbers(c, sql);
        return all.isEmpty() ? 0 : all.get(0);
    }

    static List<Long> numbers(Connection c, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    static String text(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
