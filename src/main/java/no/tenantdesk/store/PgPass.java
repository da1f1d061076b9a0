package no.tenantdesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The password of a PostgreSQL server, from where its users keep it, in libpq's order: a password file the config
 * names, {@code PGPASSWORD}, then {@code ~/.pgpass} (or {@code PGPASSFILE}). A password file that others may read is
 * ignored, as libpq ignores it, and the message when the server then refuses says why.
 */
public final class PgPass {

    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PgPass() {}

    /**
     * The server with its password, from the first place that has one; a password in the URL stays.
     *
     * @param passwordFile the config's password-file (its first line), or null
     * @param pgPassword   PGPASSWORD, or null
     * @param pgPassFile   PGPASSFILE, else ~/.pgpass
     */
    public static PostgresServer fill(PostgresServer server, Path passwordFile, String pgPassword, Path pgPassFile) {
        if (server.password() != null) {
            return server;
        }
        if (passwordFile != null) {
            return server.withPassword(firstLine(passwordFile), "password-file " + passwordFile);
        }
        if (pgPassword != null) {
            return server.withPassword(pgPassword, "PGPASSWORD");
        }
        try {
            if (!Files.isRegularFile(pgPassFile)) {
                return server.withPassword(null, "none (no PGPASSWORD, no " + pgPassFile + ")");
            }
            if (!OTHERS.stream().noneMatch(Files.getPosixFilePermissions(pgPassFile)::contains)) {
                return server.withPassword(null, "none (" + pgPassFile + " was ignored: others may read it; chmod"
                        + " 600 it)");
            }
            String password = match(Files.readAllLines(pgPassFile, StandardCharsets.UTF_8), server.host(),
                    String.valueOf(server.port()), server.databaseOrUser(), server.user());
            return server.withPassword(password, password != null ? pgPassFile.toString()
                    : "none (no line of " + pgPassFile + " matches)");
        } catch (NoSuchFileException e) {
            return server.withPassword(null, "none");
        } catch (IOException | UnsupportedOperationException e) {
            return server.withPassword(null, "none (" + pgPassFile + " is unreadable: " + e.getMessage() + ")");
        }
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
            throw new no.tenantdesk.domain.InvalidInputException(
                    "cannot read the database's password-file " + file + ": " + e.getMessage());
        }
    }

    /**
     * The password of the first line whose fields match (hostname:port:database:username:password; * matches any,
     * \: and \\ stand for : and \), or null.
     */
    static String match(List<String> lines, String host, String port, String database, String user) {
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() < 5) {
                continue;
            }
            if (matches(fields.get(0), host) && matches(fields.get(1), port) && matches(fields.get(2), database)
                    && matches(fields.get(3), user)) {
                return fields.get(4);
            }
        }
        return null;
    }

    private static boolean matches(String field, String value) {
        return field.equals("*") || field.equals(value);
    }

    /** The fields of a line, split at colons that no backslash escapes, as libpq splits them. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
