package no.tenantdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static no.tenantdesk.architecture.DaemonRulesTest.PRODUCTION;
import static no.tenantdesk.architecture.DaemonRulesTest.exempt;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.DeleteProvider;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.InsertProvider;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.SelectProvider;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.annotations.UpdateProvider;
import org.junit.jupiter.api.Test;

/**
 * The house rules of STYLE.md that a build can check: SQL in mapper XML, the process ended only by an entry point,
 * no static state that changes. Each failure says what to change; the exceptions are listed with why.
 */
class HouseRulesTest {

    /**
     * The classes that talk JDBC themselves, and so may hold SQL in Java: the dialects (what only one database has:
     * pragmas, advisory locks, the catalogue) and the migrator (which runs db/migration/ and keeps its own table).
     */
    static final Map<String, String> JDBC_SPEAKERS = Map.of(
            "no.tenantdesk.store.Dialect", "the one place in Java that knows the database",
            "no.tenantdesk.store.SqliteDialect", "SQLite's pragmas and catalogue",
            "no.tenantdesk.store.PostgresDialect", "PostgreSQL's advisory locks, catalogue and server facts",
            "no.tenantdesk.store.Migrator", "runs the scripts of db/migration/ and records them in schema_version");

    private static final String SQL_IN_XML = "queries live in the mapper XML of src/main/resources/no/tenantdesk/store"
            + " (with databaseId where the dialects differ) and are called through a mapper interface; what only one"
            + " database has goes into its Dialect";

    private static final List<String> STATEMENT_MAKERS =
            List.of("createStatement", "prepareStatement", "prepareCall");

    /** A string literal that starts as a statement does, written as the house writes SQL: keywords in capitals. */
    private static final Pattern SQL_LITERAL = Pattern.compile(
            "\"\\s*(SELECT\\s|INSERT\\s+INTO\\s|UPDATE\\s+\\w+\\s+SET\\s|DELETE\\s+FROM\\s|CREATE\\s+(TABLE|INDEX|"
                    + "TRIGGER|VIEW)\\s|ALTER\\s+TABLE\\s|DROP\\s+(TABLE|INDEX)\\s|PRAGMA\\s|WITH\\s+\\w+\\s+AS\\s)");

    /** Types whose instances are made to change: held in a static field, they are state every command shares. */
    private static final List<Class<?>> MUTABLE = List.of(java.util.ArrayList.class, java.util.LinkedList.class,
            java.util.HashMap.class, java.util.HashSet.class, java.util.TreeMap.class, java.util.TreeSet.class,
            java.util.ArrayDeque.class, java.util.EnumMap.class, java.util.WeakHashMap.class,
            java.util.IdentityHashMap.class, java.util.concurrent.ConcurrentMap.class,
            java.util.concurrent.BlockingQueue.class, java.util.concurrent.ConcurrentLinkedQueue.class,
            java.util.concurrent.CopyOnWriteArrayList.class, java.util.concurrent.CopyOnWriteArraySet.class,
            java.util.concurrent.atomic.AtomicBoolean.class, java.util.concurrent.atomic.AtomicInteger.class,
            java.util.concurrent.atomic.AtomicLong.class, java.util.concurrent.atomic.AtomicReference.class,
            StringBuilder.class, StringBuffer.class, ThreadLocal.class);

    @Test
    void onlyTheDialectsAndTheMigratorTalkJdbc() {
        noClasses().that(DescribedPredicate.not(exempt(JDBC_SPEAKERS)))
                .should().callMethodWhere(DescribedPredicate.describe("a statement made of a Connection",
                        call -> call.getTargetOwner().isAssignableTo(Connection.class)
                                && STATEMENT_MAKERS.contains(call.getName())))
                .because(SQL_IN_XML)
                .check(PRODUCTION);
    }

    @Test
    void noMapperMethodCarriesItsSqlInAnAnnotation() {
        noMethods().should().beAnnotatedWith(Select.class).orShould().beAnnotatedWith(Insert.class)
                .orShould().beAnnotatedWith(Update.class).orShould().beAnnotatedWith(Delete.class)
                .orShould().beAnnotatedWith(SelectProvider.class).orShould().beAnnotatedWith(InsertProvider.class)
                .orShould().beAnnotatedWith(UpdateProvider.class).orShould().beAnnotatedWith(DeleteProvider.class)
                .because(SQL_IN_XML)
                .check(PRODUCTION);
    }

    /** The bytecode keeps no string literals ArchUnit can see, so this one reads the sources. */
    @Test
    void noJavaSourceOutsideTheJdbcSpeakersHoldsAStatement() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> found;
        try (Stream<Path> files = Files.walk(root)) {
            found = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !JDBC_SPEAKERS.containsKey(className(root, file)))
                    .flatMap(file -> lines(file, line -> SQL_LITERAL.matcher(line).find()).stream())
                    .toList();
        }
        assertThat(found).as("SQL in Java; %s", SQL_IN_XML).isEmpty();
    }

    @Test
    void noLineOfTheMainCodeIsWiderThan120() throws IOException {
        List<String> wide;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            wide = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> lines(file, line -> line.length() > 120).stream())
                    .toList();
        }
        assertThat(wide).as("lines wider than 120 characters; break them where the thought breaks").isEmpty();
    }

    /**
     * What a formatter would keep, checked without one: no formatter found keeps the present style (palantir-java-format
     * would rewrite two files of three), so the layout rules a build can see are checked here: spaces, not tabs; no
     * space at a line's end; a newline at the file's end.
     */
    @Test
    void everyJavaFileIsIndentedWithSpacesAndEndsItsLinesCleanly() throws IOException {
        List<String> found = new ArrayList<>();
        for (String folder : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    found.addAll(lines(file, line -> line.indexOf('\t') >= 0 || line.endsWith(" ")));
                    if (!text(file).endsWith("\n")) {
                        found.add(file + ": no newline at the end");
                    }
                });
            }
        }
        assertThat(found).as("tabs, spaces at a line's end, or a last line without its newline").isEmpty();
    }

    /**
     * Classes of the main code allowed past {@link #LONGEST_CLASS} lines, each with why it is still one class. Empty:
     * every one is under it; a class that grows past it is split where a cohesive part can be a class of its own.
     */
    static final Map<String, String> LONG_CLASSES = Map.of();

    static final int LONGEST_CLASS = 300;

    @Test
    void noClassOfTheMainCodeIsLongerThan300Lines() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(root)) {
            tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !LONG_CLASSES.containsKey(className(root, file)))
                    .filter(file -> lineCount(file) > LONGEST_CLASS)
                    .map(file -> file + ": " + lineCount(file) + " lines")
                    .toList();
        }
        assertThat(tooLong).as("classes over %d lines; split off a part that can be a class of its own (or list the"
                + " class in LONG_CLASSES with why it is not)", LONGEST_CLASS).isEmpty();
        assertThat(LONG_CLASSES.keySet()).as("excepted classes now short enough (take them off LONG_CLASSES)")
                .allSatisfy(name -> assertThat(lineCount(root.resolve(name.replace('.', '/') + ".java")))
                        .isGreaterThan(LONGEST_CLASS));
    }

    @Test
    void theSqlCheckSeesAStatementAsTheHouseWritesIt() {
        assertThat(SQL_LITERAL.matcher("run(\"SELECT id FROM inquiry WHERE id = ?\")").find()).isTrue();
        assertThat(SQL_LITERAL.matcher("\"UPDATE inquiry SET status = ?\"").find()).isTrue();
        assertThat(SQL_LITERAL.matcher("\"Select an inquiry (give its id)\"").find()).isFalse();
    }

    @Test
    void onlyAMainMethodEndsTheProcess() {
        methods().that(DescribedPredicate.describe("end the process (System.exit, Runtime.exit or halt)",
                        method -> method.getMethodCallsFromSelf().stream().anyMatch(call ->
                                (call.getTarget().getOwner().isEquivalentTo(System.class)
                                        && call.getName().equals("exit"))
                                        || (call.getTarget().getOwner().isEquivalentTo(Runtime.class)
                                        && (call.getName().equals("exit") || call.getName().equals("halt"))))))
                .should().haveName("main").andShould().beStatic()
                .allowEmptyShould(true)
                .because("a command ends by returning its exit code (ExitCodes): the daemon runs many commands in"
                        + " one JVM, and an exit there would end them all; only an entry point's main may exit")
                .check(PRODUCTION);
    }

    @Test
    void noStaticStateChanges() {
        fields().that().areStatic().and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should().beFinal()
                .andShould(new ArchCondition<>("have a type made to stay as it was made") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        JavaClass type = field.getRawType();
                        boolean mutable = MUTABLE.stream().anyMatch(type::isAssignableTo);
                        boolean sharedArray = type.isArray() && !field.getModifiers().contains(JavaModifier.PRIVATE);
                        if (mutable || sharedArray) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is "
                                    + (mutable ? "a " + type.getSimpleName() : "an array others can change")));
                        }
                    }
                })
                .because("the daemon runs many commands, for many folders, in one JVM: what one leaves in a static"
                        + " field the next one sees. Keep it in an instance the composition root (App, Resources)"
                        + " makes; a constant table is List.of/Map.of, or a private array")
                .check(PRODUCTION);
    }

    private static String className(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineCount(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file, Predicate<String> wanted) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> wanted.test(lines.get(i)))
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
