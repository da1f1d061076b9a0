package no.tenantdesk.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.in.MailSource;
import no.tenantdesk.mail.in.MailSources;
import no.tenantdesk.mail.in.SourceSpec;
import no.tenantdesk.mail.out.Envelope;
import no.tenantdesk.mail.out.SmtpSender;
import no.tenantdesk.mail.out.SmtpSettings;
import no.tenantdesk.testing.AuthorizationServer;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OAuth 2.0 logins against a real Dovecot from Debian whose oauth2 passdb asks the test's authorization server
 * (introspection, RFC 7662, over HTTPS) whether a token is good: IMAP, POP3 and SMTP submission, each after STARTTLS.
 * Dovecot's log says which mechanism logged in and ", TLS," of a login that came over TLS.
 */
class OAuthDovecotIT {

    static final String MESSAGE = "From: kari@example.no\r\nTo: drift@example.no\r\nSubject: Lekkasje\r\n"
            + "Message-ID: <lekkasje@example.no>\r\n\r\nDet drypper fra taket.\r\n";

    @RegisterExtension
    static final GreenMailExtension relay =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    @Order(1)
    final AuthorizationServer oauth = new AuthorizationServer()
            .client(AppTokens.CLIENT, AppTokens.SECRET, "kari")
            .client("tenantdesk-desk", null, null);

    @RegisterExtension
    @Order(2)
    final Dovecot dovecot = new Dovecot().withTls().withPop3().withSubmission(relay.getSmtp().getPort())
            .withOAuth2(oauth, "xoauth2 oauthbearer");

    @TempDir
    Path state;

    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void deliver() {
        dovecot.deliver(MESSAGE);
    }

    OAuthSettings appOnly() {
        return AppTokens.settings(oauth);
    }

    OAuthSettings signedIn() {
        return OAuthSettings.of("drift", "generic", "kari", null, "tenantdesk-desk", null, null,
                oauth.tokenUrl(), oauth.url("/device"), null, "mail offline_access");
    }

    AccessTokens tokens(OAuthSettings settings) {
        return AppTokens.of(oauth, state, settings);
    }

    MailSource open(String uri, BearerTokens tokens) {
        return MailSources.open(new SourceSpec("drift", uri, null, null, null, null, Duration.ofSeconds(10),
                new ByteArrayInputStream(new byte[0]), state.resolve("spool"), dovecot.sslSockets(), warnings::add,
                tokens));
    }

    String imap() {
        return "imap://kari@localhost:" + dovecot.port() + "/INBOX";
    }

    int listed(String uri, BearerTokens tokens) {
        try (MailSource source = open(uri, tokens)) {
            return source.list().size();
        }
    }

    @Test
    void imapLogsInWithAnAppOnlyTokenAfterStartTls() throws Exception {
        assertThat(listed(imap(), tokens(appOnly()))).isEqualTo(1);

        assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString()
                .contains("imap-login: Info: Login: user=<kari>", "method=OAUTHBEARER", ", TLS,");
        assertThat(oauth.count("client_credentials")).isEqualTo(1);
        assertThat(oauth.count("introspect")).isEqualTo(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCachedTokenServesTheNextRunWithoutAskingTheTokenEndpoint() throws Exception {
        listed(imap(), tokens(appOnly()));
        listed(imap(), tokens(appOnly()));

        assertThat(dovecot.awaitLog("Login:", 2)).hasSize(2);
        assertThat(oauth.count("client_credentials")).isEqualTo(1);
    }

    /** As the next cron run an hour later: the cached token is too near its end, and a new one is had. */
    AccessTokens anHourLater(OAuthSettings settings) {
        return new AccessTokens(settings, new TokenStore(state), new TokenEndpoint(oauth.trusting()),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(56)));
    }

    @Test
    void aTokenAboutToExpireIsReplacedBeforeItIsUsed() throws Exception {
        listed(imap(), tokens(appOnly()));

        assertThat(listed(imap(), anHourLater(appOnly()))).isEqualTo(1);
        assertThat(oauth.count("client_credentials")).isEqualTo(2);
    }

    /** Logs in over STARTTLS by the protocol named: lists the mailbox (IMAP, POP3) or sends one message (SMTP). */
    String loggedIn(String protocol, BearerTokens tokens) {
        return switch (protocol) {
            case "imap" -> "listed " + listed(imap(), tokens);
            case "pop3" -> "listed " + listed("pop3://kari@localhost:" + dovecot.pop3Port(), tokens);
            default -> new SmtpSender(SmtpSettings.parse("smtp://kari@localhost:" + dovecot.submissionPort(), null,
                    tokens).withSslSockets(dovecot.sslSockets()).withTimeout(Duration.ofSeconds(10)))
                    .send(new Envelope("drift@example.no", List.of("kari@example.no")),
                            MESSAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).substring(0, 3);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap", "pop3", "smtp"})
    void aSignedInUserIsRefreshedAfterExpiryAndLogsIn(String protocol) throws Exception {
        new SignIn(signedIn(), new TokenStore(state), new TokenEndpoint(oauth.trusting()), Clock.systemUTC(),
                line -> {}).run(0);

        assertThat(loggedIn(protocol, anHourLater(signedIn()))).isIn("listed 1", "250");
        assertThat(oauth.count("refresh_token")).isEqualTo(1);
        // One login (each protocol's client logs in once per run, aCachedTokenServesTheNextRun…): waiting for a
        // second only ran to awaitLog's deadline.
        assertThat(dovecot.awaitLog("Login:", 1)).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("user=<kari>", ", TLS,"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap", "pop3", "smtp"})
    void aRevokedCachedTokenIsFetchedAnewOnce(String protocol) throws Exception {
        loggedIn(protocol, tokens(appOnly()));
        oauth.revokeAccessTokens();

        assertThat(loggedIn(protocol, tokens(appOnly()))).isIn("listed 1", "250");
        assertThat(oauth.count("client_credentials")).isEqualTo(2);
    }

    @Test
    void aRevokedSignInSaysToSignInAgain() {
        new SignIn(signedIn(), new TokenStore(state), new TokenEndpoint(oauth.trusting()), Clock.systemUTC(),
                line -> {}).run(0);
        oauth.revokeAccessTokens();
        oauth.revokeRefreshTokens();

        assertThatThrownBy(() -> listed(imap(), tokens(signedIn())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("drift: the sign-in has expired or was revoked (invalid_grant); run: tenantdesk mail login"
                        + " drift");
    }

    @Test
    void aTokenTheServerRefusesOutrightIsAnErrorWithAdvice() {
        // Introspection says the app's tokens belong to another mailbox: Dovecot refuses the fresh token too.
        oauth.client(AppTokens.CLIENT, AppTokens.SECRET, "ola");

        assertThatThrownBy(() -> listed(imap(), tokens(appOnly())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("drift: the server refused the OAuth 2.0 token for kari")
                .hasMessageContaining("check that the scope (mail) lets the server take the token");
        assertThat(oauth.count("client_credentials")).isEqualTo(1);
    }

    @Test
    void pop3LogsInWithXoauth2AfterStls() throws Exception {
        assertThat(listed("pop3://kari@localhost:" + dovecot.pop3Port(), tokens(appOnly()))).isEqualTo(1);

        // One session: tenantdesk's POP3 client sees a refused token in AUTH's own answer.
        assertThat(dovecot.awaitLog("Login:", 2)).hasSize(1).allSatisfy(line -> assertThat(line)
                .contains("pop3-login: Info: Login: user=<kari>", "method=XOAUTH2", ", TLS,"));
    }

    @Test
    void imapsLogsInWithATokenFromTheFirstByte() throws Exception {
        assertThat(listed("imaps://kari@localhost:" + dovecot.imapsPort() + "/INBOX", tokens(appOnly())))
                .isEqualTo(1);
        assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString().contains(", TLS,");
    }

    @Test
    void smtpSubmissionSendsAfterStartTlsWithAToken() throws Exception {
        relay.purgeEmailFromAllMailboxes();
        SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://kari@localhost:" + dovecot.submissionPort(),
                null, tokens(appOnly())).withSslSockets(dovecot.sslSockets()).withTimeout(Duration.ofSeconds(10)));

        assertThat(sender.send(new Envelope("drift@example.no", List.of("kari@example.no")),
                MESSAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).startsWith("250");

        assertThat(relay.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(dovecot.awaitLog("submission-login: Info: Login:", 1)).singleElement().asString()
                .contains("user=<kari>", "method=OAUTHBEARER", ", TLS,");
    }

    @Test
    void noTokenEndpointIsATemporaryFailure() {
        OAuthSettings nowhere = OAuthSettings.of("drift", "generic", "kari", null, AppTokens.CLIENT, AppTokens.SECRET,
                null, "https://localhost:1/token", null, null, "mail");

        assertThatThrownBy(() -> listed(imap(), tokens(nowhere)))
                .isInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith("drift: the token endpoint https://localhost:1 cannot be reached");
    }

    @Test
    void theTokenEndpointsCertificateMustBeTrusted() {
        AccessTokens untrusted = new AccessTokens(appOnly(), new TokenStore(state), new TokenEndpoint(null),
                Clock.systemUTC());

        assertThatThrownBy(() -> listed(imap(), untrusted))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("has a certificate that is not trusted");
        assertThat(oauth.count("client_credentials")).isZero();
    }
}
