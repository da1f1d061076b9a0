package no.tenantdesk.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import no.tenantdesk.domain.InvalidInputException;

/**
 * A PostgreSQL database, as libpq's URLs name one: {@code postgresql://user@host:port/database?sslmode=verify-full}
 * (or {@code postgres://}, or the JDBC driver's {@code jdbc:postgresql://…}). Plain data: nothing here loads the
 * driver.
 *
 * @param user     null until the caller fills in the default (PGUSER, the login name)
 * @param settings the libpq parameters of the URL that tenantdesk passes on: sslmode, sslrootcert, sslcert, sslkey,
 *                 connect_timeout, application_name
 * @param password a password written in the URL itself, or found where the caller looked ({@link PgPass}); never
 *                 shown, and refused on a command line
 * @param passwordFrom where the password came from, or why there is none, for the message when the server refuses
 */
public record PostgresServer(String host, int port, String database, String user, Map<String, String> settings,
        String password, String passwordFrom) implements DatabaseAddress {

    public static final int DEFAULT_PORT = 5432;
    static final Set<String> SETTINGS =
            Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name");
    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public PostgresServer {
        settings = Map.copyOf(settings);
    }

    /** The URL as it may be shown: everything but the password. */
    @Override
    public String describe() {
        StringBuilder url = new StringBuilder("postgresql://");
        if (user != null) {
            url.append(user).append('@');
        }
        url.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
        String separator = "?";
        for (Map.Entry<String, String> setting : new TreeMap<>(settings).entrySet()) {
            url.append(separator).append(setting.getKey()).append('=').append(setting.getValue());
            separator = "&";
        }
        return url.toString();
    }

    /** Never the password, wherever a record is printed. */
    @Override
    public String toString() {
        return describe();
    }

    public PostgresServer withUser(String user) {
        return new PostgresServer(host, port, database, user, settings, password, passwordFrom);
    }

    public PostgresServer withPassword(String password, String from) {
        return new PostgresServer(host, port, database, user, settings, password, from);
    }

    public String sslMode() {
        return settings.getOrDefault("sslmode", "prefer");
    }

    /** The database's name when the URL names none: libpq's default, the user's name. */
    public String databaseOrUser() {
        return database.isEmpty() ? user : database;
    }

    static PostgresServer parse(String url) {
        String rest;
        if (url.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:postgresql://".length());
        } else if (url.startsWith("jdbc:postgresql:")) {
            rest = "/" + url.substring("jdbc:postgresql:".length()); // jdbc:postgresql:database, on localhost
        } else {
            rest = url.substring(url.indexOf("://") + 3);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String database = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            database = decode(rest.substring(slash + 1), url);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), url);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), url);
        }
        String host = rest;
        String port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw invalid(url, "an IPv6 address without its closing ]");
            }
            port = host.length() > close + 1 && host.charAt(close + 1) == ':' ? host.substring(close + 2) : null;
            host = host.substring(1, close);
        } else if (host.contains(":")) {
            port = host.substring(host.indexOf(':') + 1);
            host = host.substring(0, host.indexOf(':'));
        }
        Map<String, String> settings = new TreeMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), url);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), url);
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "host" -> host = value;
                case "port" -> port = value;
                case "dbname" -> database = value;
                default -> {
                    if (!SETTINGS.contains(name)) {
                        throw invalid(url, "unknown parameter '" + name + "' (tenantdesk takes "
                                + String.join(", ", new TreeSet<>(SETTINGS)) + ")");
                    }
                    settings.put(name, value);
                }
            }
        }
        if (host.contains(",")) {
            throw invalid(url, "several hosts; give one");
        }
        if (settings.containsKey("sslmode") && !SSL_MODES.contains(settings.get("sslmode"))) {
            throw invalid(url, "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full");
        }
        int portNumber = DEFAULT_PORT;
        if (port != null && !port.isEmpty()) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                throw invalid(url, "the port must be a number from 1 to 65535");
            }
            portNumber = Integer.parseInt(port);
        }
        if (database.contains("/")) {
            throw invalid(url, "a database name has no '/'");
        }
        return new PostgresServer(host.isEmpty() ? "localhost" : host, portNumber, database,
                user == null || user.isEmpty() ? null : user, settings, password, password == null ? null : "the URL");
    }

    private static String decode(String text, String url) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(url, "a broken %-escape");
        }
    }

    /** The message names the URL without its password: it may be on a screen that others see. */
    private static InvalidInputException invalid(String url, String why) {
        return new InvalidInputException("invalid database URL " + withoutPassword(url) + ": " + why);
    }

    /** The URL with any password in it (user:password@, password=) replaced by ***. */
    public static String withoutPassword(String url) {
        return url.replaceAll("(://[^/@?]*?):[^/@?]*@", "$1:***@").replaceAll("([?&]password=)[^&]*", "$1***");
    }
}
