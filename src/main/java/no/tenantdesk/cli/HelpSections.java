package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text that more than one command shows, and the root's extra sections. --help and the man pages both read it
 * from the picocli model: a section's first line is its heading, the rest is its text ({@link ManPage} turns
 * "  TERM  text" lines into tagged paragraphs and other lines into prose).
 */
final class HelpSections {

    /** A footer element of the commands that print inquiries. */
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
    private static final List<Map.Entry<String, String[]>> ROOT = List.of(
            Map.entry("Examples", new String[] {
                "  tenantdesk location add 'Bygg A/2. etasje/Kontor 204'",
                "  tenantdesk contact add --name 'Kari Nordmann' --email kari@leietaker.example",
                "  tenantdesk inquiry create --title 'Lekkasje i taket' --tenant kari",
                "  tenantdesk inquiry list --status all --search lekkasje",
                "  tenantdesk inquiry show 1 --json | jq '.events'",
            }),
            Map.entry("JSON output", new String[] {
                "  With --json every command prints exactly one JSON value on stdout: an",
                "  object, or an array for list. Fields are camelCase, times ISO-8601 UTC,",
                "  enums spelled as on the command line (todo, in-progress, done; low ...",
                "  urgent; task, deviation). An inquiry: id, title, description, status,",
                "  priority, source, requester{id,name,email}, location{id,path},",
                "  assignee{id,name,email} or null, createdAt, updatedAt, closedAt;",
                "  inquiry show adds comments[], tasks[], attachments[] and events[].",
                "  Messages go to stderr, data to stdout.",
            }),
            Map.entry("Environment", new String[] {
                "  TENANTDESK_DB            The database, as --db: a file (default",
                "                           $XDG_DATA_HOME/tenantdesk/tenantdesk.db, that is",
                "                           ~/.local/share/tenantdesk/tenantdesk.db), or a",
                "                           postgresql://user@host[:port]/database URL.",
                "  PGPASSWORD, PGPASSFILE   A PostgreSQL server's password, as psql reads them",
                "                           (else ~/.pgpass, or the config's password-file);",
                "                           never on the command line.",
                "  PGUSER                   The PostgreSQL user when the URL names none (else",
                "                           the login name), as psql reads it.",
                "  TENANTDESK_CONFIG        The config file, as --config.",
                "  TENANTDESK_USER          Who is recorded as doing it, as --as (default: the",
                "                           login name).",
                "  TENANTDESK_BUSY_TIMEOUT  Milliseconds a command waits for another writer",
                "                           (on PostgreSQL, for a row it has locked; default",
                "                           10000).",
                "  COLUMNS                  The width of tables; the launcher sets it from the",
                "                           terminal.",
                "  NO_COLOR                 No colours, as --no-color.",
                "  TENANTDESK_SMTP_URL      The mail server replies go through, as the config's",
                "                           mail: smtp: url (smtps://user@host[:port]).",
                "  TENANTDESK_SMTP_PASSWORD",
                "                           Its password (else the config's password-file).",
                "  TENANTDESK_SMTP_TLS      As mail: smtp: tls; none sends the password in",
                "                           clear text.",
                "  TENANTDESK_MAIL_FROM     Who our mail comes from, 'Name <address>', as the",
                "                           config's mail: from.",
                "  TENANTDESK_MAIL_PASSWORD",
                "                           The password for fetch-mail --source.",
                "  TENANTDESK_JAVA_OPTS     Extra JVM options for the launcher.",
                "  TENANTDESK_DAEMON        off: run every command in a JVM of its own, not in",
                "                           the user's daemon (see Daemon below).",
                "  TENANTDESK_DAEMON_IDLE   Seconds the daemon waits for another command before",
                "                           it stops (default 600).",
            }),
            Map.entry("Daemon", new String[] {
                "  The launcher hands each command to the user's daemon: a JVM that stays warm,",
                "  started by the first command and stopped after 10 idle minutes, so that a",
                "  command costs little more than a bare JVM's start. It runs the command with",
                "  the caller's environment, folder and standard input, and prints and exits as",
                "  the command's own process would. fetch-mail, the shell, and any command that",
                "  asks at the terminal run in their own process; fetch-mail and the shell do",
                "  not start a daemon, so cron leaves none running. Its socket is in",
                "  $XDG_RUNTIME_DIR/tenantdesk (else /tmp/tenantdesk-USER), a folder only its",
                "  user may enter. A new jar stops it; killing it is always safe.",
            }),
            Map.entry("Files", new String[] {
                "  ~/.config/tenantdesk/tenantdesk.yaml",
                "                           The config file ($XDG_CONFIG_HOME/tenantdesk/...);",
                "                           a missing default file is fine, an unknown key is",
                "                           an error. config/tenantdesk.yaml in the sources is",
                "                           the documented example.",
                "  ~/.local/share/tenantdesk/tenantdesk.db",
                "                           The database: inquiries, contacts, places and",
                "                           files, all in one SQLite file (unless --db names",
                "                           a PostgreSQL server).",
            }));

    private HelpSections() {}

    /** Adds the root's sections to its usage help, before the footer; the section key is the heading. */
    static void addRootSections(UsageMessageSpec usage) {
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        int footer = keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
        for (Map.Entry<String, String[]> section : ROOT) {
            String text = String.format("%n" + section.getKey() + ":%n") + String.join(String.format("%n"),
                    section.getValue()) + String.format("%n");
            keys.add(footer++, section.getKey());
            usage.sectionMap().put(section.getKey(), help -> text);
        }
        usage.sectionKeys(keys);
    }
}
