package no.tenantdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.triage.DoneReply;
import no.tenantdesk.triage.RuleConfig;

/**
 * The settings file (YAML, kebab-case keys). Unknown keys are errors, so a misspelt setting is found the day it is
 * written, not the day it was needed. A missing default file means defaults; a missing file the user named is an
 * error.
 */
public record Config(DatabaseSetting database, Mail mail, List<RuleConfig> rules, Retention retention,
        SlaSettings sla) {

    public static final Config DEFAULTS = new Config(null, null, null, null, null);

    public Config {
        mail = mail == null ? Mail.DEFAULTS : mail;
        rules = rules == null ? List.of() : RuleConfig.checked(rules);
        retention = retention == null ? Retention.NONE : retention;
        sla = sla == null ? SlaSettings.DEFAULTS : sla;
    }

    /**
     * How long after an inquiry is done `db prune` keeps the raw bytes of its mails and its files, like "3 years";
     * absent: for ever (nothing is pruned unless the config says so).
     */
    public record Retention(String rawMail, String files) {

        public static final Retention NONE = new Retention(null, null);

        public Retention {
            Amounts.period("raw-mail", rawMail); // fails on load
            Amounts.period("files", files);
        }

        public Optional<Period> rawMailPeriod() {
            return Optional.ofNullable(Amounts.period("raw-mail", rawMail));
        }

        public Optional<Period> filesPeriod() {
            return Optional.ofNullable(Amounts.period("files", files));
        }
    }

    /**
     * The database: a file path or a PostgreSQL URL, written as the value of {@code database:} itself, or as its
     * {@code url:} beside a {@code password-file:} (the server's password, its first line).
     */
    public record DatabaseSetting(String url, String passwordFile) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public DatabaseSetting(@JsonProperty("url") String url, @JsonProperty("password-file") String passwordFile) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("database has no url");
            }
            this.url = url;
            this.passwordFile = passwordFile;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static DatabaseSetting of(String url) {
            return new DatabaseSetting(url, null);
        }
    }

    /**
     * How fetch-mail reads and files mail.
     *
     * @param addresses         our own addresses: mail From them is our own, come back
     * @param maxAttachmentSize per attachment, like "25 MB"; a larger one is recorded as omitted
     * @param reopenDone        whether a tenant's answer reopens a Done inquiry (default yes)
     * @param accounts          by name, in the order fetch-mail reads them
     * @param freeMailDomains   more domains anyone can have an address at (triage/FreeMail has the common ones):
     *                          never an organization's
     * @param doneWords         the first word or words of a contractor's answer that mark their task done
     */
    public record Mail(List<String> addresses, String maxAttachmentSize, Boolean reopenDone,
            Map<String, Account> accounts, String from, Smtp smtp, Acknowledgement acknowledgement,
            List<String> freeMailDomains, List<String> doneWords) {

        public static final Mail DEFAULTS = new Mail(null, null, null, null, null, null, null, null, null);

        public Mail {
            freeMailDomains = freeMailDomains == null ? List.of() : List.copyOf(freeMailDomains);
            doneWords = doneWords == null ? DoneReply.WORDS : List.copyOf(doneWords);
            if (doneWords.stream().anyMatch(w -> w == null || w.isBlank())) {
                throw new IllegalArgumentException("mail: done-words holds an empty word");
            }
            acknowledgement = acknowledgement == null ? Acknowledgement.DEFAULTS : acknowledgement;
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
            maxAttachmentSize = maxAttachmentSize == null ? "25 MB" : maxAttachmentSize;
            reopenDone = reopenDone == null || reopenDone;
            accounts = accounts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
            Amounts.bytes(maxAttachmentSize); // fails now, on load, rather than in the first fetch
            accounts.forEach((name, account) -> {
                if (account == null || account.source() == null || account.source().isBlank()) {
                    throw new IllegalArgumentException("account '" + name + "' has no source");
                }
                if (account.passwordFile() != null && account.oauth2() != null) {
                    throw new IllegalArgumentException(
                            "account '" + name + "': give password-file or oauth2, not both");
                }
            });

        }

        public long maxAttachmentBytes() {
            return Amounts.bytes(maxAttachmentSize);
        }
    }

    /**
     * The server our mail goes out through.
     *
     * @param url          smtps://user@host[:port] (TLS), or smtp://[user@]host[:port] (STARTTLS, required before a
     *                     password or token)
     * @param user         who logs in, when the URL does not say (an address with an @ reads better here)
     * @param passwordFile a file holding the password (its first line)
     * @param tls          "none" sends the password to an smtp:// server in clear text; absent or "required": never
     * @param oauth2       instead of a password: how to get OAuth 2.0 tokens (which never go in clear text)
     */
    public record Smtp(String url, String user, String passwordFile, String tls, OAuth2 oauth2) {

        public Smtp {
            if (passwordFile != null && oauth2 != null) {
                throw new IllegalArgumentException("smtp: give password-file or oauth2, not both");
            }
        }
    }

    /**
     * How an account or the SMTP server gets OAuth 2.0 tokens instead of using a password (mail.oauth.OAuthSettings
     * checks the combination when it is used).
     *
     * @param provider               microsoft, google or generic
     * @param tenant                 Microsoft's directory: eiendom.onmicrosoft.com or its id
     * @param clientId               the app's (client) id
     * @param clientSecretFile       the app's secret (Microsoft, generic: app-only tokens; Google: the desktop
     *                               client's)
     * @param serviceAccountKeyFile  Google: a service account's JSON key, for app-only tokens by domain-wide delegation
     * @param tokenUrl               generic; for the others only to point elsewhere (a national cloud)
     * @param deviceAuthorizationUrl generic: RFC 8628's endpoint, for `tenantdesk mail login`
     * @param authorizationUrl       Google's sign-in page, only to point elsewhere
     * @param scope                  space-separated; the provider's own when absent
     */
    public record OAuth2(String provider, String tenant, String clientId, String clientSecretFile,
            String serviceAccountKeyFile, String tokenUrl, String deviceAuthorizationUrl, String authorizationUrl,
            String scope) {

        public OAuth2 {
            if (provider == null || provider.isBlank()) {
                throw new IllegalArgumentException("oauth2 needs a provider: microsoft, google or generic");
            }
        }
    }

    /**
     * The automatic receipt a tenant gets for a new inquiry that came by e-mail. It carries none of the sender's text
     * (their subject or name), since anyone can send mail in another's name: only the inquiry's number, as {id}.
     *
     * @param enabled  on unless set to false
     * @param interval at most one receipt per sender in this long, like "1 h" or "30 min" (default 1 h)
     * @param subject  our words after "[#ID]" in the subject
     * @param template the text; {id} is filled in
     */
    public record Acknowledgement(Boolean enabled, String interval, String subject, String template) {

        public static final String DEFAULT_TEMPLATE = """
                Hei,

                takk for henvendelsen. Vi har registrert den som sak {id}.
                Svar på denne e-posten hvis du vil legge til noe, så havner svaret i samme sak.

                Dette er en automatisk bekreftelse.
                """;

        // After the template: creating the defaults reads it.
        public static final Acknowledgement DEFAULTS = new Acknowledgement(null, null, null, null);

        public Acknowledgement {
            enabled = enabled == null || enabled;
            interval = interval == null ? "1 h" : interval;
            subject = subject == null ? "Henvendelsen er registrert" : subject;
            template = template == null ? DEFAULT_TEMPLATE : template;
            Amounts.duration(interval); // fails on load
        }

        public Duration intervalDuration() {
            return Amounts.duration(interval);
        }
    }

    /**
     * One mailbox fetch-mail reads.
     *
     * @param source       imaps://user@host/FOLDER, pop3s://user@host, maildir:/path, mbox:/path
     * @param user         who logs in, when the source's URL does not say (an address with an @ reads better here)
     * @param passwordFile a file holding the password (its first line); passwords never go on a command line
     * @param afterImport  seen, move, delete or keep; the source's default when absent
     * @param moveTo       the IMAP folder that "move" moves to
     * @param tls          "none" sends the password to an imap:// or pop3:// server in clear text; absent or
     *                     "required": never
     * @param oauth2       instead of a password: how to get OAuth 2.0 tokens (which never go in clear text)
     */
    public record Account(String source, String user, String passwordFile, String afterImport, String moveTo,
            String tls, OAuth2 oauth2) {}

    public static Config load(Path file, boolean mustExist) {
        if (!mustExist && !Files.exists(file)) {
            return DEFAULTS;
        }
        try {
            if (Files.size(file) == 0) {
                return DEFAULTS;
            }
            Config config = new ObjectMapper(new YAMLFactory())
                    .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    // A rule's condition is one pattern or a list of them.
                    .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    .readValue(file.toFile(), Config.class);
            return config == null ? DEFAULTS : config;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("config file " + file + " does not exist");
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException("config file " + file + ": unknown setting '" + e.getPropertyName() + "'");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InvalidInputException("config file " + file + ": " + cause.getMessage());
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidInputException("config file " + file + ": " + message);
        }
    }
}
