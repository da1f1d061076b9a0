package no.tenantdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.tenantdesk.domain.TenantdeskException;

/**
 * PostgreSQL's own backup tools, run as programs: pg_dump takes a consistent snapshot of a database while others
 * write (one repeatable-read transaction), which no copy of rows by tenantdesk could do better. Its password goes in
 * the environment (PGPASSWORD), never on the command line, where other users see it.
 */
final class PgDump {

    private final PostgresServer server;

    PgDump(PostgresServer server) {
        this.server = server;
    }

    /** The one line for a machine without pg_dump: what to install, and the command to run instead. */
    String advice(Path target) {
        return "pg_dump is not installed (apt install postgresql-client); back up a PostgreSQL database with: pg_dump"
                + " -Fc -h " + server.host() + " -p " + server.port() + " -U " + server.user() + " -f " + target
                + " " + server.databaseOrUser();
    }

    /** A dump in pg_dump's custom format (compressed, read by pg_restore). */
    void dump(Path target) {
        run(List.of("pg_dump", "--format=custom", "--no-password", "--host", server.host(), "--port",
                String.valueOf(server.port()), "--username", server.user(), "--file", target.toString(),
                server.databaseOrUser()), target);
    }

    /** The tables whose rows a dump holds, as pg_restore lists them: the check that the file is whole and readable. */
    static List<String> tablesWithData(Path dump) {
        String listing = new PgDump(null).run(List.of("pg_restore", "--list", dump.toString()), dump);
        List<String> tables = new ArrayList<>();
        String marker = " TABLE DATA public ";
        listing.lines().forEach(line -> {
            // "213; 0 16390 TABLE DATA public inquiry tenantdesk"
            int at = line.indexOf(marker);
            if (!line.startsWith(";") && at >= 0) {
                String rest = line.substring(at + marker.length());
                int space = rest.indexOf(' ');
                tables.add(space < 0 ? rest : rest.substring(0, space));
            }
        });
        return tables;
    }

    private String run(List<String> command, Path target) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (server != null) {
            builder.environment().put("PGSSLMODE", server.sslMode());
            if (server.password() != null) {
                builder.environment().put("PGPASSWORD", server.password());
            }
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TenantdeskException(server != null ? advice(target)
                    : "pg_restore is not installed (apt install postgresql-client)", e);
        }
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.DAYS) || process.exitValue() != 0) {
                String last = text.strip().isEmpty() ? "exit " + process.exitValue()
                        : text.strip().lines().reduce((a, b) -> b).orElse("");
                throw new TenantdeskException(command.get(0) + " failed: " + last);
            }
            return text;
        } catch (IOException e) {
            throw new TenantdeskException(command.get(0) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new TenantdeskException(command.get(0) + " was interrupted", e);
        }
    }
}
