package no.tenantdesk.store;

import java.nio.file.Path;
import java.util.function.Function;
import no.tenantdesk.domain.InvalidInputException;

/**
 * Where the data is: a SQLite file, or a PostgreSQL server. What `--db`, TENANTDESK_DB and the config's
 * {@code database:} say, parsed once; a word that is neither is an error, never a file name.
 */
public sealed interface DatabaseAddress permits DatabaseAddress.SqliteFile, PostgresServer {

    /** As a user reads it in messages: a path, or a URL without its password. */
    String describe();

    record SqliteFile(Path file) implements DatabaseAddress {

        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A file path, {@code jdbc:sqlite:PATH}, or a PostgreSQL URL ({@code postgresql://…}, {@code postgres://…},
     * {@code jdbc:postgresql://…}). Any other {@code scheme://} or {@code jdbc:} is refused.
     *
     * @param files turns a path as the user gave it into one (relative to the user's folder)
     */
    static DatabaseAddress parse(String text, Function<String, Path> files) {
        if (text.isBlank()) {
            throw new InvalidInputException("the database is empty: give a file path or a postgresql:// URL");
        }
        // Told apart by their beginning, so that a SQLite command loads none of PostgreSQL's classes, ours either.
        if (text.startsWith("postgresql://") || text.startsWith("postgres://") || text.startsWith("jdbc:postgresql:")) {
            return PostgresServer.parse(text);
        }
        if (text.startsWith("jdbc:sqlite:")) {
            return new SqliteFile(files.apply(text.substring("jdbc:sqlite:".length())));
        }
        int scheme = text.indexOf("://");
        if (text.startsWith("jdbc:") || (scheme > 0 && text.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*"))) {
            String shown = scheme > 0 ? text.substring(0, scheme) + "://…" : text.split(":", 3)[0] + ":"
                    + text.split(":", 3)[1] + ":…";
            throw new InvalidInputException("unsupported database URL '" + shown + "': give a file path (SQLite) or a"
                    + " postgresql://user@host[:port]/database URL");
        }
        return new SqliteFile(files.apply(text));
    }
}
