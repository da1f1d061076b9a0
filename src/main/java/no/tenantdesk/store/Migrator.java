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
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tenantdesk.domain.TenantdeskException;

/**
 * Applies the numbered scripts under {@code db/migration} that a database has not seen yet, each in its own
 * transaction, and records them in {@code schema_version}. A user's file thus upgrades in place.
 */
final class Migrator {

    static final String FOLDER = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final Connection connection;
    private final String folder;

    Migrator(Connection connection) {
        this(connection, FOLDER);
    }

    /** With another folder of scripts: tests upgrade a file in place without changing everyone's schema. */
    Migrator(Connection connection, String folder) {
        this.connection = connection;
        this.folder = folder;
    }

    record Migration(int version, String name, String resource) {}

    void migrate() throws SQLException {
        TreeMap<Integer, Migration> available = available();
        migrateTo(available.isEmpty() ? 0 : available.lastKey());
    }

    /** Applies the scripts up to {@code latest}; tests make a file as an older release left it. */
    void migrateTo(int latest) throws SQLException {
        TreeMap<Integer, Migration> available = new TreeMap<>(available().headMap(latest, true));
        if (currentVersion() == latest) {
            return;
        }
        connection.setAutoCommit(false); // IMMEDIATE: a second process opening the same new file waits here
        try {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
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
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (tables.next() && tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
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
            insert.setString(3, InstantTypeHandler.format(Instant.now()));
            insert.executeUpdate();
        }
    }

    /** Splits a script at semicolons that end a line; a trigger body runs on until its closing END;. */
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
            if (current.toString().strip().toUpperCase().matches("(?s)CREATE\\s+(TEMP(ORARY)?\\s+)?TRIGGER.*")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
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

    TreeMap<Integer, Migration> available() {
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
