package no.tenantdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import no.tenantdesk.config.Config;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.mail.in.StopSignal;
import no.tenantdesk.render.Json;
import no.tenantdesk.render.JsonSpool;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.FetchService;
import no.tenantdesk.service.FetchService.Mailbox;
import no.tenantdesk.service.FetchService.Report;
import no.tenantdesk.service.FetchService.SourceResult;
import no.tenantdesk.service.MessageResult;
import no.tenantdesk.service.OutboxService;
import no.tenantdesk.service.TemporaryFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = OwnProcess.FETCH_MAIL, description = {
    "Import tenants' e-mail: each new message becomes an inquiry, an answer joins its inquiry, exactly once.",
    "Reads every account in the config file, or the one --account names, or an ad-hoc --source. Silent unless"
        + " something failed, so cron mails only problems; a summary on a terminal, or with --json.",
    "Automatic mail (out-of-office, bulk, bounces, our own) and duplicates are kept but not filed; a message that"
        + " cannot be read is quarantined (see: tenantdesk quarantine list) and the run goes on, exit 4.",
    "SOURCE: imaps://user@host[:port]/FOLDER, imap://…, pop3s://user@host[:port], pop3://…, maildir:/path,"
        + " mbox:/path, or - for one message on stdin (a mail server's pipe delivery: exit 75 asks it to retry).",
    "Microsoft 365 and Google Workspace accounts log in by OAuth 2.0 (oauth2: in the config file; see: tenantdesk"
        + " mail login)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk fetch-mail",
            "  tenantdesk fetch-mail --account drift --dry-run",
            "  TENANTDESK_MAIL_PASSWORD=… tenantdesk fetch-mail --source imaps://drift@imap.example.no/INBOX",
            "  tenantdesk fetch-mail --source maildir:/var/mail/drift --json | jq .created",
            "  tenantdesk fetch-mail --source - < message.eml",
            "  tenantdesk fetch-mail --watch      # as a service: scripts/systemd/tenantdesk-fetch-mail-watch.service",
            "",
            "Environment:",
            "  TENANTDESK_MAIL_PASSWORD  the password for --source (or --password-file)",
            "",
            "A password goes to imap:// and pop3:// only after STARTTLS: a server that offers none is refused, exit 75,"
                + " unless its account says tls: none (--tls none with --source).",
            "",
            "Signals:",
            "--watch ends on SIGTERM or SIGINT once the batch under way is filed and marked done, exit 0. A mailbox"
                + " that fails is said once, and once when it works again.",
        })
final class FetchMailCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--account", paramLabel = "NAME", description = "Read only this account of the config file.")
    private String account;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Read this mailbox instead of the accounts.")
    private String source;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The password for --source, on the file's first line.")
    private Path passwordFile;

    @Option(names = "--tls", paramLabel = "required|none",
            description = "For --source imap:// or pop3://: none sends the password even when the server offers no"
                    + " STARTTLS, in clear text (default: required).")
    private String tls;

    @Option(names = "--after-import", paramLabel = "WHAT",
            description = "For --source: seen, move, delete or keep (default: seen for IMAP, keep for POP3).")
    private String afterImport;

    @Option(names = "--move-to", paramLabel = "FOLDER", description = "For --after-import move: the IMAP folder.")
    private String moveTo;

    @Option(names = "--watch",
            description = "Keep running: import what is waiting, then each new message as it comes (within seconds by"
                    + " IMAP IDLE or a Maildir's new/ folder; other mailboxes every minute), sending due outbox mail"
                    + " too, until SIGTERM or SIGINT.")
    private boolean watch;

    @Option(names = "--dry-run",
            description = "Parse and classify, and say of each message what would be filed (and the place, priority,"
                    + " assignee and organization of a new inquiry), without storing anything or marking mail done at"
                    + " the source.")
    private boolean dryRun;

    FetchMailCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<Mailbox> mailboxes = mailboxes();
        if (watch) {
            return FetchWatch.watch(app, spec, mailboxes, dryRun, this::round);
        }
        return round(mailboxes, new StopSignal(), null);
    }

    /**
     * One run: imports, says what it did, sends due outbox mail. For --watch, {@code failures} collects the mailboxes
     * that failed (the watch says each failure once, however many rounds it lasts), else they are said here.
     */
    int round(List<Mailbox> mailboxes, StopSignal stop, Map<String, String> failures) {
        Output output = app.output(spec);
        Json json = output.json() ? new Json() : null;
        Report report;
        // The --json list waits in a folder of the run's own, private and locked: one a kill leaves is swept.
        try (TemporaryFolder folder = json == null ? null : app.temporaryFolder("fetch-json-");
                JsonSpool messages = json == null ? null : new JsonSpool(json, folder.path())) {
            Progress progress = new Progress(spec.commandLine().getErr(),
                    app.environment().terminal() && !output.json(), messages,
                    dryRun && !output.json() ? output.out() : null);
            report = app.fetching().fetch(mailboxes, dryRun, app.environment().stdin(), progress, stop);
            progress.clear();
            if (json != null) {
                json.print(output.out(), json(report), "messages", messages);
            }
        }
        if (report.busy()) {
            if (failures == null && (app.environment().terminal() || app.options().verbose)) {
                output.note("Another fetch-mail is importing into this database; leaving it to that one.");
            }
            return ExitCodes.OK;
        }
        if (!output.json() && (app.environment().terminal() || app.options().verbose)) {
            output.done(summary(report));
        }
        sendOutbox();
        if (!dryRun) {
            app.queries().sweepDeadlines(); // cron's run: a deadline's event is at most one interval late
        }
        long quarantined = report.count(MailOutcome.QUARANTINED);
        if (quarantined > 0) {
            output.note(quarantined + (quarantined == 1 ? " message" : " messages")
                    + " quarantined (see: tenantdesk quarantine list)");
        }
        int code = ExitCodes.OK;
        for (SourceResult result : report.sources()) {
            if (result.failure() != null && failures != null) {
                failures.put(result.name(), TerminalText.line(result.failure().getMessage()));
            } else if (result.failure() != null) {
                spec.commandLine().getErr().println("tenantdesk: " + TerminalText.line(result.failure().getMessage()));
                code = worse(code, ExitCodes.of(result.failure()));
            }
        }
        return code == ExitCodes.OK && quarantined > 0 ? ExitCodes.PARTIAL : code;
    }

    /**
     * Every run also sends what the outbox holds (the receipts it just queued, replies waiting for a server): cron
     * needs one job, not two. Only a message given up for good is worth a line; one that waits is retried anyway.
     */
    private void sendOutbox() {
        OutboxService outbox = app.outbox();
        if (dryRun || !outbox.canSend()) {
            return;
        }
        for (OutboxService.Attempt attempt : outbox.sendDue()) {
            if (attempt.message().state() == OutboxState.FAILED) {
                spec.commandLine().getErr().println("tenantdesk: the " + attempt.message().kind().cli() + " to "
                        + attempt.message().recipient() + " (inquiry " + attempt.message().inquiryId()
                        + ") was not sent: " + TerminalText.line(attempt.error()));
            }
        }
    }

    /** A failure that will not go away by waiting outranks one that will: a human has to look. */
    private static int worse(int code, int other) {
        if (code == ExitCodes.OK) {
            return other;
        }
        if (code == ExitCodes.TEMPORARY) {
            return other;
        }
        return code;
    }

    private List<Mailbox> mailboxes() {
        if (source != null && account != null) {
            throw new InvalidInputException("give --account or --source, not both");
        }
        if (source != null) {
            // The name goes into messages, --json and the records: never with a password someone put in the URI.
            return List.of(new Mailbox(source.equals("-") ? "stdin" : ServerAddress.withoutPassword(source), source,
                    password(), Tls.parse("--tls", tls), after(afterImport), moveTo));
        }
        if (passwordFile != null || tls != null || afterImport != null || moveTo != null) {
            throw new InvalidInputException("--password-file, --tls, --after-import and --move-to go with --source;"
                    + " an account has them in the config file");
        }
        Map<String, Config.Account> accounts = app.config().mail().accounts();
        if (accounts.isEmpty()) {
            throw new InvalidInputException("no mailbox to read: give --source SOURCE, or add accounts under mail:"
                    + " in the config file (see config/tenantdesk.yaml)");
        }
        if (account != null && !accounts.containsKey(account)) {
            throw new InvalidInputException("no account '" + account + "' in the config file (accounts: "
                    + String.join(", ", accounts.keySet()) + ")");
        }
        List<Mailbox> mailboxes = new ArrayList<>();
        accounts.forEach((name, settings) -> {
            if (account == null || account.equals(name)) {
                String uri = ServerAddress.withUser(name, settings.source(), settings.user());
                mailboxes.add(new Mailbox(name, uri,
                        settings.passwordFile() == null ? null
                                : Passwords.read(app.environment().path(settings.passwordFile())),
                        Tls.parse("account '" + name + "': tls", settings.tls()), after(settings.afterImport()),
                        settings.moveTo(), settings.oauth2() == null ? null
                                : app.oauth().tokens(name, uri, settings.user(), settings.oauth2())));
            }
        });
        return mailboxes;
    }

    private String password() {
        if (passwordFile != null) {
            return Passwords.read(passwordFile);
        }
        return app.environment().get("TENANTDESK_MAIL_PASSWORD");
    }

    private static AfterImport after(String text) {
        if (text == null) {
            return null;
        }
        try {
            return AfterImport.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown after-import '" + text + "' (valid: seen, move, delete, keep)");
        }
    }

    private String summary(Report report) {
        long created = report.count(MailOutcome.CREATED);
        long threaded = report.count(MailOutcome.THREADED);
        long skipped = report.count(MailOutcome.SKIPPED);
        long quarantined = report.count(MailOutcome.QUARANTINED);
        StringBuilder line = new StringBuilder(dryRun ? "Would file " : "Fetched ")
                .append(report.total()).append(report.total() == 1 ? " message" : " messages")
                .append(": ").append(created).append(created == 1 ? " new inquiry, " : " new inquiries, ")
                .append(threaded).append(threaded == 1 ? " answer" : " answers").append(" threaded, ")
                .append(skipped).append(" skipped");
        if (skipped > 0) {
            line.append(" (").append(report.skipped().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append(")");
        }
        line.append(", ").append(quarantined).append(" quarantined");
        long already = report.sources().stream().mapToLong(SourceResult::alreadyFetched).sum();
        if (already > 0) {
            line.append("; ").append(already).append(" fetched before");
        }
        return line.append(dryRun ? " (dry run: nothing stored)" : "").append('.').toString();
    }

    /** The summary; the messages follow it. */
    private static Map<String, Object> json(Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", report.dryRun());
        json.put("busy", report.busy());
        json.put("created", report.count(MailOutcome.CREATED));
        json.put("threaded", report.count(MailOutcome.THREADED));
        json.put("skipped", report.skipped());
        json.put("quarantined", report.count(MailOutcome.QUARANTINED));
        json.put("alreadyFetched", report.sources().stream().mapToLong(SourceResult::alreadyFetched).sum());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SourceResult result : report.sources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("name", result.name());
            source.put("listed", result.listed());
            source.put("alreadyFetched", result.alreadyFetched());
            source.put("error", result.failure() == null ? null : result.failure().getMessage());
            source.put("temporary", result.failure() instanceof TemporaryFailureException);
            sources.add(source);
        }
        json.put("sources", sources);
        return json;
    }

    /**
     * What the user sees of a run while it goes: a line on stderr that counts, for a person waiting at a terminal
     * (nothing for cron or a pipe), and for --json the list of messages, kept in a file rather than in memory: a
     * mailbox of a hundred thousand messages made a list of a hundred thousand results.
     */
    private static final class Progress implements FetchService.Listener {

        private final PrintWriter err;
        private final boolean shown;
        /** Only for --json, which lists every message; else null. */
        private final JsonSpool messages;
        /** Only for a plain --dry-run, which says of every message what it would do; else null. */
        private final PrintWriter plan;
        private String source;
        private int total;
        private int done;
        private boolean drawn;

        Progress(PrintWriter err, boolean shown, JsonSpool messages, PrintWriter plan) {
            this.err = err;
            this.shown = shown;
            this.messages = messages;
            this.plan = plan;
        }

        @Override
        public void listed(String name, int waiting) {
            source = name;
            total = waiting;
            done = 0;
        }

        @Override
        public void filed(MessageResult result) {
            if (messages != null) {
                messages.add(result);
            }
            if (plan != null) {
                clear();
                plan.println(DryRunLine.of(result));
            }
            done++;
            if (shown && total >= 50 && (done % 25 == 0 || done == total)) {
                int width = 30;
                int filled = (int) ((long) width * done / Math.max(1, total));
                err.print("\r" + TerminalText.line(source) + " [" + "#".repeat(filled) + " ".repeat(width - filled)
                        + "] " + done + "/" + total);
                err.flush();
                drawn = true;
            }
        }

        @Override
        public void warning(String line) {
            clear();
            err.println("tenantdesk: warning: " + TerminalText.line(line));
        }

        void clear() {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
                drawn = false;
            }
        }
    }
}
