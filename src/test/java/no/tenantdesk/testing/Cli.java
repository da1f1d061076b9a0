package no.tenantdesk.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.tenantdesk.cli.Environment;
import no.tenantdesk.cli.Interaction;
import no.tenantdesk.cli.Main;

/**
 * Runs the program in-process through {@link Main#run}, as a user would from a shell: a fresh command tree per
 * call, a real SQLite file in a temporary folder (or, in the PostgreSQL pass, a new database of the test server:
 * {@link Postgres}), captured stdout and stderr, no terminal.
 */
public final class Cli {

    private final Path folder;
    private final Map<String, String> variables = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private boolean terminal;

    public Cli(Path folder) {
        this.folder = folder;
        if (Postgres.selected()) {
            variables.put("TENANTDESK_DB", Postgres.cluster().databaseFor(folder));
            variables.put("PGPASSWORD", Postgres.PASSWORD);
        } else {
            variables.put("TENANTDESK_DB", folder.resolve("tenantdesk.db").toString());
        }
        variables.put("TENANTDESK_USER", "operator");
        variables.put("HOME", folder.toString());
        variables.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        variables.put("XDG_DATA_HOME", folder.resolve("data").toString());
    }

    public Path folder() {
        return folder;
    }

    /** What TENANTDESK_DB says: the SQLite file's path, or the PostgreSQL URL (see {@link Sql}). */
    public String database() {
        return variables.get("TENANTDESK_DB");
    }

    public Cli env(String name, String value) {
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
        return this;
    }

    public Cli clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** From now on the program's clock stands still at this instant. */
    public Cli at(String isoInstant) {
        return clock(Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC));
    }

    /** A file in the test's folder, for --attach, --file and attachment add. */
    public Path file(String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs as if a person sat at a terminal (colours, later prompts). */
    public Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    public CommandResult run(String... args) {
        return runWithInput("", args);
    }

    public CommandResult runWithInput(String stdin, String... args) {
        return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    public CommandResult runWithInput(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Environment environment = new Environment(variables,
                new ByteArrayInputStream(stdin), raw, terminal, clock,
                ZoneOffset.UTC);
        int code = Main.run(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new CommandResult(code, out.toString(), err.toString(), raw.toByteArray());
    }

    /** As {@link #run}, with a person at the terminal answering through the given interaction (a shell, prompts). */
    public CommandResult runOnTerminal(Interaction interaction, String... args) {
        return runWith(interaction, true, args);
    }

    public CommandResult runWith(Interaction interaction, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int code = Main.run(environment(interaction, terminal), new PrintWriter(out), new PrintWriter(err), args);
        return new CommandResult(code, out.toString(), err.toString(), raw.toByteArray());
    }

    public Environment environment(Interaction interaction, boolean terminal) {
        return new Environment(variables, InputStream.nullInputStream(), new ByteArrayOutputStream(), terminal, clock,
                ZoneOffset.UTC, interaction);
    }

    /** Runs a command that must succeed with --json and returns the id it printed. */
    public long create(String... args) {
        String[] withJson = new String[args.length + 1];
        System.arraycopy(args, 0, withJson, 0, args.length);
        withJson[args.length] = "--json";
        CommandResult result = run(withJson);
        CommandResultAssert.assertThat(result).succeeded();
        return result.id();
    }

    /** "id field" for every hit of a search, best first. */
    public List<String> searchHits(String text) {
        CommandResult result = run("search", "--json", text);
        CommandResultAssert.assertThat(result).succeeded();
        List<String> hits = new ArrayList<>();
        for (JsonNode hit : result.json()) {
            hits.add(hit.get("id").asText() + " " + hit.at("/match/field").asText());
        }
        return hits;
    }
}
