package no.tenantdesk.store;

import java.nio.file.Path;
import java.sql.SQLException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's errors into the few a user can act on; the driver's wording stays in the cause, shown with -v. */
final class StoreErrors {

    private StoreErrors() {}

    static TenantdeskException translate(Path file, Exception e) {
        if (e instanceof TenantdeskException own) {
            return own;
        }
        SQLiteException sqlite = find(e, SQLiteException.class);
        if (sqlite != null) {
            SQLiteErrorCode code = sqlite.getResultCode();
            String name = code.name();
            if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
                return new TemporaryFailureException(
                        "database " + file + " is busy (another tenantdesk is writing); try again", e);
            }
            if (name.startsWith("SQLITE_NOTADB") || name.startsWith("SQLITE_CORRUPT")) {
                return new TenantdeskException("cannot read database " + file + ": not a tenantdesk database file", e);
            }
            if (name.startsWith("SQLITE_CANTOPEN")
                    || name.startsWith("SQLITE_PERM")
                    || name.startsWith("SQLITE_READONLY")
                    || name.startsWith("SQLITE_IOERR")
                    || name.startsWith("SQLITE_AUTH")) {
                return new TenantdeskException("cannot use database " + file + ": " + firstLine(sqlite), e);
            }
        }
        TenantdeskException wrapped = find(e, TenantdeskException.class);
        if (wrapped != null) {
            return wrapped;
        }
        SQLException sql = find(e, SQLException.class);
        return new TenantdeskException("database error: " + firstLine(sql != null ? sql : e), e);
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
