package no.tenantdesk.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;

/**
 * Turns a PostgreSQL server's and its driver's failures into the few a user can act on, each one line naming the
 * server without a password: a server that is down, starting or stopping, or out of the network's reach is
 * temporary (exit 75: cron tries again); a wrong password, an unknown user or database is not (exit 1). The driver's
 * and the server's own words stay in the cause, shown with -v.
 */
final class PostgresErrors {

    private PostgresErrors() {}

    /** The SQLSTATE of the first SQL failure in the chain, or null. */
    static String state(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static TenantdeskException translate(PostgresServer server, Exception failure) {
        if (failure instanceof TenantdeskException own) {
            return own;
        }
        String where = server.host() + ":" + server.port();
        String database = "database " + server.databaseOrUser() + " on " + where;
        String state = state(failure);
        Throwable network = find(failure, UnknownHostException.class, ConnectException.class,
                NoRouteToHostException.class, SocketTimeoutException.class, SSLException.class);
        if (network instanceof UnknownHostException) {
            return new TemporaryFailureException("cannot reach the database server: no host named " + server.host()
                    + " is known (a typing error, or the network's name service is down); try again", failure);
        }
        if (network instanceof SSLException) {
            return new TenantdeskException("cannot connect securely to the database server " + where + " (sslmode "
                    + server.sslMode() + "): " + firstLine(network), failure);
        }
        if (network != null) {
            return new TemporaryFailureException("cannot reach the database server " + where + " ("
                    + (network instanceof ConnectException ? "connection refused: is it running?" : firstLine(network))
                    + "); try again", failure);
        }
        if (state == null) {
            TenantdeskException wrapped = find(failure, TenantdeskException.class);
            return wrapped != null ? wrapped
                    : new TenantdeskException("database error: " + firstLine(failure), failure);
        }
        switch (state) {
            case "28P01" -> {
                return new TenantdeskException("the database server " + where + " refused user " + server.user()
                        + ": wrong password (password from " + server.passwordFrom() + ")", failure);
            }
            case "28000" -> {
                return new TenantdeskException("the database server " + where + " refused user " + server.user()
                        + " for database " + server.databaseOrUser() + ": " + firstLine(sql(failure)), failure);
            }
            case "3D000" -> {
                return new TenantdeskException(database + " does not exist (createdb it, see the README)", failure);
            }
            case "42501" -> {
                return new TenantdeskException("permission denied in " + database + ": " + firstLine(sql(failure)),
                        failure);
            }
            case "55P03", "40001", "40P01" -> {
                return new TemporaryFailureException(database + " is busy (another tenantdesk is writing); try again",
                        failure);
            }
            case "53300" -> {
                return new TemporaryFailureException("the database server " + where + " has too many connections;"
                        + " try again", failure);
            }
            default -> {
                // told apart below, by the message or the class of the state
            }
        }
        if (firstLine(failure).contains("no password was provided")) {
            return new TenantdeskException("the database server " + where + " asks user " + server.user()
                    + " for a password, and there is " + server.passwordFrom() + ": put it in ~/.pgpass (mode 600),"
                    + " PGPASSWORD or the config's database password-file", failure);
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            // Connection failures, and a server shutting down (57P01, 57P02) or starting (57P03).
            return new TemporaryFailureException("the database server " + where + " is not available ("
                    + firstLine(sql(failure)) + "); try again", failure);
        }
        if (state.startsWith("53")) {
            return new TemporaryFailureException("the database server " + where + " is short of resources ("
                    + firstLine(sql(failure)) + "); try again", failure);
        }
        return new TenantdeskException("database error: " + firstLine(sql(failure)), failure);
    }

    private static SQLException sql(Throwable failure) {
        return find(failure, SQLException.class);
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t == null ? null : t.getMessage());
        int newline = message.indexOf('\n');
        return PostgresServer.withoutPassword(newline < 0 ? message : message.substring(0, newline)).strip();
    }

    @SafeVarargs
    private static <T extends Throwable> T find(Throwable t, Class<? extends T>... types) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (Class<? extends T> type : types) {
                if (type.isInstance(c)) {
                    @SuppressWarnings("unchecked")
                    T found = (T) c;
                    return found;
                }
            }
        }
        return null;
    }
}
