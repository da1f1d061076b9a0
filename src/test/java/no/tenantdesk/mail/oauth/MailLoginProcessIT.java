package no.tenantdesk.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.tenantdesk.testing.AuthorizationServer;
import no.tenantdesk.testing.Dovecot;
import no.tenantdesk.testing.TestCertificate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator does, in processes of their own as from a shell (trusting the test's servers the way a user trusts
 * a private CA, by TENANTDESK_JAVA_OPTS' trust store): sign in once by device code, then cron's fetch-mail reads the
 * mailbox by token over STARTTLS; a revoked sign-in later says what to run. No token ever reaches stdout or stderr.
 */
class MailLoginProcessIT {

    @RegisterExtension
    @Order(1)
    final AuthorizationServer oauth = new AuthorizationServer().client("tenantdesk-desk", null, null);

    @RegisterExtension
    @Order(2)
    final Dovecot dovecot = new Dovecot().withTls().withOAuth2(oauth, "xoauth2 oauthbearer");

    @TempDir
    Path home;

    record Run(int code, String out, String err) {}

    Run tenantdesk(String... args) throws Exception {
        Path trust = TestCertificate.trustStore(home.resolve("trust.p12"), AuthorizationServer.certificate(),
                dovecot.certificate());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavax.net.ssl.trustStore=" + trust, "-Djavax.net.ssl.trustStorePassword=" + TestCertificate.PASSWORD,
                "-cp", System.getProperty("java.class.path"), "no.tenantdesk.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TENANTDESK_") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        env.put("TENANTDESK_DB", home.resolve("tenantdesk.db").toString());
        env.put("TENANTDESK_CONFIG", config().toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(home.resolve("out")), Files.readString(home.resolve("err")));
    }

    Path config() throws Exception {
        return Files.writeString(home.resolve("tenantdesk.yaml"), String.join("\n",
                "mail:",
                "  accounts:",
                "    drift:",
                "      source: imap://localhost:" + dovecot.port() + "/INBOX",
                "      user: kari",
                "      oauth2:",
                "        provider: generic",
                "        token-url: " + oauth.tokenUrl(),
                "        device-authorization-url: " + oauth.url("/device"),
                "        client-id: tenantdesk-desk",
                "        scope: mail offline_access",
                ""));
    }

    @Test
    void signInOnceThenCronReadsTheMailboxByToken() throws Exception {
        dovecot.deliver(OAuthDovecotIT.MESSAGE);

        Run login = tenantdesk("mail", "login", "drift");

        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.err()).isEqualTo("To sign in as kari, open " + oauth.url("/activate") + " and enter the code"
                + " WDJB-MJHT (within 60 seconds).\n");
        Path folder = home.resolve(".local/state/tenantdesk/oauth");
        assertThat(login.out()).startsWith("Signed in as kari for drift; the sign-in is kept in " + folder + "/kari-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        Path kept;
        try (Stream<Path> files = Files.list(folder)) {
            kept = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        String refresh = new ObjectMapper().readTree(Files.readString(kept)).get("refreshToken").asText();
        assertThat(refresh).startsWith("rt-");

        Run fetch = tenantdesk("fetch-mail", "--account", "drift", "--json");

        assertThat(fetch.code()).as(fetch.err()).isZero();
        assertThat(new ObjectMapper().readTree(fetch.out()).get("created").asInt()).isEqualTo(1);
        assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString().contains("user=<kari>", ", TLS,");
        assertThat(login.out() + login.err() + fetch.out() + fetch.err()).doesNotContain(refresh).doesNotContain("at-");

        oauth.revokeAccessTokens();
        oauth.revokeRefreshTokens();
        Run revoked = tenantdesk("fetch-mail", "--account", "drift");

        assertThat(revoked.code()).isEqualTo(2);
        assertThat(revoked.err()).isEqualTo("tenantdesk: drift: the sign-in has expired or was revoked (invalid_grant);"
                + " run: tenantdesk mail login drift\n");
    }
}
