package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
import no.tenantdesk.config.Config;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.store.DatabaseAddress;
import no.tenantdesk.store.PgPass;
import no.tenantdesk.store.PostgresServer;

/**
 * Which database a run opens, and as whom: --db, else $TENANTDESK_DB, else the config file's database, else the file
 * in the XDG data folder. A server's user is the URL's, else $PGUSER, else the login name; its password is found as
 * psql finds it ({@link PgPass}), and never taken from the command line, where other users see it.
 */
final class DatabaseChoice {

    private final Environment environment;
    private final Settings settings;
    private final Supplier<Config> config;

    DatabaseChoice(Environment environment, Settings settings, Supplier<Config> config) {
        this.environment = environment;
        this.settings = settings;
        this.config = config;
    }

    /** This run's database. */
    DatabaseAddress address() {
        Settings.Value<String> db = settings.resolve(Settings.DB);
        return switch (db.origin()) {
            case OPTION -> address(db.value(), true, null);
            case VARIABLE -> address(db.value(), false, null);
            // The config's password file belongs to the config's database, not to one --db or TENANTDESK_DB names.
            case CONFIG -> address(db.value(), false, home(config.get().database().passwordFile()));
            case DEFAULT -> new DatabaseAddress.SqliteFile(
                    environment.xdg("XDG_DATA_HOME", ".local/share").resolve("tenantdesk/tenantdesk.db"));
        };
    }

    /** A database named by a user, on the command line or elsewhere; for a server, the password file to try first. */
    DatabaseAddress address(String chosen, boolean onCommandLine, Path passwordFile) {
        DatabaseAddress address = DatabaseAddress.parse(chosen, environment::path);
        if (address instanceof DatabaseAddress.SqliteFile) {
            return address; // first: a SQLite command loads none of PostgreSQL's classes
        }
        PostgresServer server = (PostgresServer) address;
        if (onCommandLine && server.password() != null) {
            throw new InvalidInputException(PostgresServer.withoutPassword(chosen) + " holds a password, which any"
                    + " user of this machine could read on the command line; put it in ~/.pgpass (mode 600),"
                    + " PGPASSWORD or the config's database password-file");
        }
        if (server.user() == null) {
            server = server.withUser(settings.get(Settings.PGUSER));
        }
        Settings.Value<String> pgPass = settings.resolve(Settings.PGPASSFILE);
        return PgPass.fill(server, passwordFile, settings.get(Settings.PGPASSWORD),
                pgPass.origin() == Settings.Origin.DEFAULT ? home(pgPass.value()) : environment.path(pgPass.value()));
    }

    /** A file name from the config or the environment (or null); "~/" is the user's home folder, as in a shell. */
    private Path home(String name) {
        if (name == null) {
            return null;
        }
        return name.startsWith("~/") ? environment.inHome(name.substring(2)) : environment.path(name);
    }
}
