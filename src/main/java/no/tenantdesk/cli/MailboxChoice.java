package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.tenantdesk.config.Config;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.service.FetchService.Mailbox;

/**
 * The mailboxes fetch-mail reads: the one --source names, with the options that go with it, or the config file's
 * accounts (all of them, or the one --account names).
 */
record MailboxChoice(String account, String source, Path passwordFile, String tls, String afterImport, String moveTo) {

    List<Mailbox> mailboxes(App app) {
        if (source != null && account != null) {
            throw new InvalidInputException("give --account or --source, not both");
        }
        if (source != null) {
            // The name goes into messages, --json and the records: never with a password someone put in the URI.
            return List.of(new Mailbox(source.equals("-") ? "stdin" : ServerAddress.withoutPassword(source), source,
                    password(app), Tls.parse("--tls", tls), after(afterImport), moveTo));
        }
        if (passwordFile != null || tls != null || afterImport != null || moveTo != null) {
            throw new InvalidInputException("--password-file, --tls, --after-import and --move-to go with --source;"
                    + " an account has them in the config file");
        }
        return accounts(app);
    }

    private List<Mailbox> accounts(App app) {
        Map<String, Config.Account> accounts = app.config().mail().accounts();
        if (accounts.isEmpty()) {
            throw new InvalidInputException((account == null ? "no mailbox to read"
                    : "no account '" + account + "': the config file has no accounts")
                    + ": give --source SOURCE, or add accounts under mail: in the config file (see"
                    + " config/tenantdesk.yaml)");
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

    private String password(App app) {
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
}
