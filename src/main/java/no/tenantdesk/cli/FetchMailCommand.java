package no.tenantdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.OutboxState;
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
        if (watch) {
            FetchWatch.check(dryRun, source);
        }
        List<Mailbox> mailboxes = new MailboxChoice(account, source, passwordFile, tls, afterImport, moveTo)
                .mailboxes(app);
        if (watch) {
            return FetchWatch.watch(app, spec, mailboxes, this::round);
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
                json.print(output.out(), FetchReport.json(report), "messages", messages);
            }
        }
        if (report.busy()) {
            if (failures == null && (app.environment().terminal() || app.options().verbose)) {
                output.note("Another fetch-mail is importing into this database; leaving it to that one.");
            }
            return ExitCodes.OK;
        }
        if (!output.json() && (app.environment().terminal() || app.options().verbose)) {
            output.done(FetchReport.summary(report, dryRun));
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
        int code = failed(report, failures);
        return code == ExitCodes.OK && quarantined > 0 ? ExitCodes.PARTIAL : code;
    }

    /** Says each mailbox that failed, or leaves it to --watch in {@code failures}; the exit code they make. */
    private int failed(Report report, Map<String, String> failures) {
        int code = ExitCodes.OK;
        for (SourceResult result : report.sources()) {
            if (result.failure() != null && failures != null) {
                failures.put(result.name(), TerminalText.line(result.failure().getMessage()));
            } else if (result.failure() != null) {
                spec.commandLine().getErr().println("tenantdesk: " + TerminalText.line(result.failure().getMessage()));
                code = worse(code, ExitCodes.of(result.failure()));
            }
        }
        return code;
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
