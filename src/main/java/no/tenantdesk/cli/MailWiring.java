package no.tenantdesk.cli;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.config.Config;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.mail.out.Receipt;
import no.tenantdesk.mail.out.SmtpSender;
import no.tenantdesk.mail.out.SmtpSettings;
import no.tenantdesk.service.MailSettings;

/**
 * The mail of a run, from the settings and the config file: how mail is filed, the server it is sent by, the address
 * it comes from.
 */
final class MailWiring {

    private final App app;
    private final Settings settings;
    private final Environment environment;

    MailWiring(App app, Settings settings, Environment environment) {
        this.app = app;
        this.settings = settings;
        this.environment = environment;
    }

    MailSettings mailSettings() {
        Config.Mail mail = app.config().mail();
        Set<String> own = new HashSet<>();
        mail.addresses().forEach(a -> own.add(a.strip().toLowerCase(Locale.ROOT)));
        OutgoingMail.Address from = from();
        MailSettings.Acknowledgement acknowledgement = null;
        if (from != null && transport() != null && mail.acknowledgement().enabled()) {
            own.add(from.email().toLowerCase(Locale.ROOT)); // our own receipts, bounced back, are our own mail
            acknowledgement = new MailSettings.Acknowledgement(new Receipt(from, mail.acknowledgement().subject(),
                    mail.acknowledgement().template()), mail.acknowledgement().intervalDuration());
        }
        return new MailSettings(mail.maxAttachmentBytes(), own, mail.reopenDone(), acknowledgement,
                new MailSettings.Triaging(app.config().rules(), mail.freeMailDomains(), mail.doneWords()),
                app.deadlines());
    }

    /** The mail server: $TENANTDESK_SMTP_URL, else the config file's; null when neither names one. */
    SmtpSender transport() {
        String url = settings.get(Settings.SMTP_URL);
        if (url == null || url.isBlank()) {
            return null;
        }
        Config.Smtp smtp = app.config().mail().smtp();
        String password = settings.get(Settings.SMTP_PASSWORD);
        if (password == null && smtp != null && smtp.passwordFile() != null) {
            password = Passwords.read(environment.path(smtp.passwordFile()));
        }
        Tls tls = settings.get(Settings.SMTP_TLS);
        if (smtp != null) {
            url = ServerAddress.withUser(ServerAddress.withoutPassword(url), url, smtp.user());
        }
        BearerTokens tokens = password == null && smtp != null && smtp.oauth2() != null
                ? app.oauth().tokens(OAuthLogins.SMTP, url, smtp.user(), smtp.oauth2())
                : null;
        // Shorter than the default: an operator waits for `reply`, and a queued message is tried again anyway.
        return new SmtpSender(SmtpSettings.parse(url, password, tokens).withTls(tls)
                .withTimeout(Duration.ofSeconds(20)));
    }

    /** Who our mail comes from: $TENANTDESK_MAIL_FROM, else the config file's "Name <address>"; null when unset. */
    OutgoingMail.Address from() {
        String from = settings.get(Settings.MAIL_FROM);
        if (from == null || from.isBlank()) {
            return null;
        }
        Matcher named = Pattern.compile("(.*)<([^<>]+)>\\s*").matcher(from.strip());
        return named.matches() ? new OutgoingMail.Address(named.group(1).strip().replaceAll("^\"|\"$", ""),
                named.group(2).strip()) : OutgoingMail.Address.of(from.strip());
    }
}
