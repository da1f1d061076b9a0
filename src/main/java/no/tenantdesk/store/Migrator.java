package no.tenantdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tenantdesk.domain.TenantdeskException;
import org.apache.ibatis.type.TypeHandlerRegistry;

/**
 * Applies the numbered scripts under {@code db/migration} that a database has not seen yet, each in its own
 * transaction, and records them in {@code schema_version}. A user's file thus upgrades in place.
 */
final class Migrator {

    static final String FOLDER = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final Pattern TRIGGER_WITH_BODY =
            Pattern.compile("(?s)CREATE\\s+(TEMP(ORARY)?\\s+)?TRIGGER.*\\bBEGIN\\b.*");

    /** The tables of V024, the last migration that adds one: a database that has others is not ours alone. */
    static final List<String> OWN_TABLES = List.of("attachment", "blob", "blob_chunk", "comment", "contact",
            "digest_sent", "erasure", "event", "inquiry", "inquiry_search", "inquiry_search_word", "inquiry_tally",
            "location", "location_alias", "mail_message", "organization", "organization_domain",
            "organization_location", "outbox", "schema_version", "search_deferred", "search_index",
            "search_index_config", "search_index_content", "search_index_data", "search_index_docsize",
            "search_index_idx", "search_rewrite", "search_terms", "task");

    private final Connection connection;
    private final Dialect dialect;
    private final String folder;

    Migrator(Connection connection, Dialect dialect) {
        this(connection, dialect, dialect.migrations());
    }

    /** With another folder of scripts: tests upgrade a file in place without changing everyone's schema. */
    Migrator(Connection connection, Dialect dialect, String folder) {
        this.connection = connection;
        this.dialect = dialect;
        this.folder = folder;
    }

    record Migration(int version, String name, String resource) {}

    void migrate() throws SQLException {
        NavigableMap<Integer, Migration> available = available();
        migrateTo(available.isEmpty() ? 0 : available.lastKey());
    }

    /** Applies the scripts up to {@code latest}; tests make a file as an older release left it. */
    void migrateTo(int latest) throws SQLException {
        NavigableMap<Integer, Migration> available = available().headMap(latest, true);
        if (currentVersion() == latest) {
            return;
        }
        connection.setAutoCommit(false); // IMMEDIATE: a second process opening the same new file waits here
        try {
            dialect.lockForMigration(connection);
            if (!dialect.hasTable(connection, "schema_version")) {
                refuseAnotherProgramsDatabase();
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " name TEXT NOT NULL, applied_at " + dialect.timestampType() + " NOT NULL)");
            }
            int current = currentVersion(); // again, inside the lock
            if (current > latest) {
                throw new TenantdeskException("the database has schema version " + current
                        + ", newer than this tenantdesk knows (" + latest + "); use a newer tenantdesk");
            }
            for (Migration migration : available.tailMap(current, false).values()) {
                apply(migration);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private int currentVersion() throws SQLException {
        if (!dialect.hasTable(connection, "schema_version")) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            // Another program's table of the same name (Flyway's was called so once), without our columns.
            throw new TenantdeskException("database " + dialect.address().describe() + " holds another program's"
                    + " schema_version table; give tenantdesk a database of its own", e);
        }
    }

    /**
     * A database without our version table is new to tenantdesk, and must then hold nothing else: a PostgreSQL
     * database shared with another program would get our tables among its own, and a SQLite file of another
     * program would be changed. Refused in one line, with nothing written.
     */
    private void refuseAnotherProgramsDatabase() throws SQLException {
        List<String> others = dialect.tables(connection).stream().filter(t -> !OWN_TABLES.contains(t)).toList();
        if (!others.isEmpty()) {
            throw new TenantdeskException("database " + dialect.address().describe() + " holds another program's"
                    + " tables (" + String.join(", ", others.subList(0, Math.min(5, others.size())))
                    + (others.size() > 5 ? ", …" : "") + "); give tenantdesk a database of its own");
        }
    }

    private void apply(Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(migration.resource()))) {
                statement.executeUpdate(sql);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.name());
            TypeHandlerRegistry types = new TypeHandlerRegistry(); // only when a migration runs: it is not small
            dialect.registerTypes(types);
            types.getTypeHandler(Instant.class).setParameter(insert, 3, Instant.now(), null);
            insert.executeUpdate();
        }
    }

    /**
     * Splits a script at semicolons that end a line; a SQLite trigger's body runs on until its closing END;, and a
     * PostgreSQL body between $$ and $$ until the semicolon after it.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n", -1)) {
            String trimmed = withoutLineComment(line).strip();
            if (current.length() == 0 && trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            // SQLite's trigger has a BEGIN … END body; PostgreSQL's names a function and ends at its semicolon.
            if (TRIGGER_WITH_BODY.matcher(current.toString().strip().toUpperCase(Locale.ROOT)).matches()) {
                inTrigger = true;
            }
            // A PostgreSQL function's or DO block's body is quoted by $$ and may hold semicolons of its own.
            boolean quoted = (current.toString().split("\\$\\$", -1).length - 1) % 2 == 1;
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : !quoted && trimmed.endsWith(";");
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** The line up to a "--" comment outside quotes: "END; -- why" still ends a statement. */
    private static String withoutLineComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && line.startsWith("--", i)) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    NavigableMap<Integer, Migration> available() {
        TreeMap<Integer, Migration> migrations = new TreeMap<>();
        for (String file : listFolder()) {
            Matcher m = NAME.matcher(file);
            if (m.matches()) {
                int version = Integer.parseInt(m.group(1));
                Migration previous = migrations.put(version, new Migration(version, m.group(2), folder + "/" + file));
                if (previous != null) {
                    throw new IllegalStateException("two migrations numbered " + version);
                }
            }
        }
        return migrations;
    }

    private List<String> listFolder() {
        URL url = Migrator.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            if (url.getProtocol().equals("jar")) {
                List<String> names = new ArrayList<>();
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                jar.setUseCaches(true);
                Enumeration<JarEntry> entries = jar.getJarFile().entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(folder + "/") && name.length() > folder.length() + 1) {
                        names.add(name.substring(folder.length() + 1));
                    }
                }
                return names;
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(p -> p.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
