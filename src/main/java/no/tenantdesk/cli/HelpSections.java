package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.cli.HelpSection.Prose;
import no.tenantdesk.cli.HelpSection.Term;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text that more than one command shows, and the root's extra sections, as {@link HelpSection} data that
 * --help lays out and the man pages write as roff.
 */
final class HelpSections {

    /** A footer element of the commands that print inquiries: its heading, then one paragraph. */
    static final String INQUIRY_JSON = "%nJSON output (--json):%n"
            + "  An inquiry: id, title, description, status, priority, source,%n"
            + "  requester{id,name,email}, location{id,path}, assignee{id,name,email}%n"
            + "  or null, createdAt, updatedAt, closedAt. inquiry list prints an array%n"
            + "  of them; inquiry show adds comments[] {id, kind, author, body,%n"
            + "  quotedFrom, createdAt, attachments[]}, tasks[], attachments[] {id, filename,%n"
            + "  contentType, size, sha256} and events[].";

    /**
     * The root's sections after its exit codes. Not a footer: with scope INHERIT every subcommand without a footer of
     * its own would show the root's.
     */
    private static final List<HelpSection> ROOT = List.of(
            HelpSection.examples(
                "tenantdesk location add 'Bygg A/2. etasje/Kontor 204'",
                "tenantdesk contact add --name 'Kari Nordmann' --email kari@leietaker.example",
                "tenantdesk inquiry create --title 'Lekkasje i taket' --tenant kari",
                "tenantdesk inquiry list --status all --search lekkasje",
                "tenantdesk inquiry show 1 --json | jq '.events'"),
            new HelpSection("JSON output", List.of(new Prose(
                "With --json every command prints exactly one JSON value on stdout: an object, or an array for"
                    + " list. Fields are camelCase, times ISO-8601 UTC, enums spelled as on the command line (todo,"
                    + " in-progress, done; low ... urgent; task, deviation). An inquiry: id, title, description,"
                    + " status, priority, source, requester{id,name,email}, location{id,path}, assignee{id,name,email}"
                    + " or null, createdAt, updatedAt, closedAt; inquiry show adds comments[], tasks[], attachments[]"
                    + " and events[]. Messages go to stderr, data to stdout."))),
            new HelpSection("Environment", Settings.documentation()),
            new HelpSection("Daemon", List.of(new Prose(
                "The launcher hands each command to the user's daemon: a JVM that stays warm, started by the first"
                    + " command and stopped after 10 idle minutes, so that a command costs little more than a bare"
                    + " JVM's start. It runs the command with the caller's environment, folder and standard input,"
                    + " and prints and exits as the command's own process would. fetch-mail, the shell, and any"
                    + " command that asks at the terminal run in their own process; fetch-mail and the shell do not"
                    + " start a daemon, so cron leaves none running. Its socket is in $XDG_RUNTIME_DIR/tenantdesk"
                    + " (else /tmp/tenantdesk-USER), a folder only its user may enter. A new jar stops it; killing it"
                    + " is always safe."))),
            new HelpSection("Files", List.of(
                new Term("~/.config/tenantdesk/tenantdesk.yaml", "The config file ($XDG_CONFIG_HOME/tenantdesk/...);"
                    + " a missing default file is fine, an unknown key is an error. config/tenantdesk.yaml in the"
                    + " sources is the documented example."),
                new Term("~/.local/share/tenantdesk/tenantdesk.db", "The database: inquiries, contacts, places and"
                    + " files, all in one SQLite file (unless --db names a PostgreSQL server)."))));

    private HelpSections() {}

    /** Adds the root's sections to its usage help, before the footer; the section key is the heading. */
    static void addRootSections(UsageMessageSpec usage) {
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        int footer = keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
        for (HelpSection section : ROOT) {
            keys.add(footer++, section.heading());
            usage.sectionMap().put(section.heading(), section);
        }
        usage.sectionKeys(keys);
    }
}
