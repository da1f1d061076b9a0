package no.tenantdesk.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.mail.oauth.OAuthSettings.Grant;
import no.tenantdesk.testing.AuthorizationServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What only Microsoft's and Google's token endpoints can answer, from their recorded responses (src/test/resources/
 * oauth, written from their documentation) served over HTTPS by the test's server: the token taken, the grant asked
 * for as they document it, and each refusal turned into one line that names the account and what to do.
 */
class ProviderResponsesTest {

    static final String APP = "3f2b0c6e-8d4a-4e1f-b6c2-7a9d5e0f1c34";

    @RegisterExtension
    final AuthorizationServer server = new AuthorizationServer();

    @TempDir
    Path state;

    final List<String> told = new ArrayList<>();

    static String recorded(String name) {
        try (InputStream in = ProviderResponsesTest.class.getResourceAsStream("/oauth/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no recorded response " + name, e);
        }
    }

    OAuthSettings microsoft(String secret) {
        return OAuthSettings.of("drift", "microsoft", "drift@eiendom.no", "eiendom.onmicrosoft.com", APP, secret, null,
                server.tokenUrl(), server.url("/device"), null, null);
    }

    OAuthSettings google() {
        return OAuthSettings.of("drift", "google", "drift@eiendom.no", null, "123-desk.apps.googleusercontent.com",
                "GOCSPX-desk-secret", null, server.tokenUrl(), null, server.url("/authorize"), null);
    }

    AccessTokens tokens(OAuthSettings settings) {
        return new AccessTokens(settings, new TokenStore(state), new TokenEndpoint(server.trusting()),
                Clock.systemUTC());
    }

    SignIn signIn(OAuthSettings settings) {
        return new SignIn(settings, new TokenStore(state), new TokenEndpoint(server.trusting()), Clock.systemUTC(),
                told::add);
    }

    @Test
    void microsoftAppOnlyAsksForTheExchangeResourceWithTheSecretInTheForm() {
        server.answerNext(200, recorded("microsoft/client-credentials-token-without-smtp-sendasapp.json"));

        String token = tokens(microsoft("s3cr3t~value")).token();

        assertThat(token).startsWith("eyJ");
        assertThat(server.forms()).singleElement().asString().isEqualTo("grant_type=client_credentials&client_id="
                + APP + "&scope=https%3A%2F%2Foutlook.office365.com%2F.default&client_secret=s3cr3t%7Evalue");
    }

    @Test
    void aRefusedMicrosoftTokenSaysWhichPermissionTheAppLacks() {
        server.answerNext(200, recorded("microsoft/client-credentials-token-without-smtp-sendasapp.json"));
        AccessTokens tokens = tokens(microsoft("secret"));
        String token = tokens.token();

        assertThat(tokens.advice("smtp", token)).isEqualTo("the app lacks SMTP.SendAsApp: in Entra ID add it under API"
                + " permissions (Office 365 Exchange Online, Application permissions) and grant admin consent");
        assertThat(tokens.advice("imaps", token)).isEqualTo("the app has IMAP.AccessAsApp but no access to the mailbox"
                + " drift@eiendom.no: in Exchange Online PowerShell, New-ServicePrincipal -AppId " + APP
                + " -ObjectId <the enterprise application's object id>, then Add-MailboxPermission -Identity"
                + " drift@eiendom.no -User <that id> -AccessRights FullAccess");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        microsoft/invalid-client-secret-AADSTS7000215.json   | app  | drift: the app's client secret is wrong (invalid_client, AADSTS7000215); put the secret's Value, not its Secret ID, in client-secret-file
        microsoft/expired-client-secret-AADSTS7000222.json   | app  | drift: the app's client secret has expired (invalid_client, AADSTS7000222); make a new one (Certificates & secrets) and put it in client-secret-file
        microsoft/app-not-in-tenant-AADSTS700016.json        | app  | drift: the app 3f2b0c6e-8d4a-4e1f-b6c2-7a9d5e0f1c34 is not known in tenant eiendom.onmicrosoft.com (unauthorized_client, AADSTS700016); check client-id and tenant, and that an administrator consented to the app in that tenant
        microsoft/tenant-not-found-AADSTS90002.json          | app  | drift: no tenant eiendom.onmicrosoft.com at Microsoft (invalid_request, AADSTS90002); check tenant: (the directory's name, like eiendom.onmicrosoft.com, or its id)
        microsoft/no-admin-consent-AADSTS65001.json          | app  | drift: no administrator has consented to the app's permissions (invalid_grant, AADSTS65001); in Entra ID, the app's API permissions, press Grant admin consent
        microsoft/refresh-token-unused-90-days-AADSTS700082.json | user | drift: the sign-in has expired after 90 days unused (invalid_grant, AADSTS700082); run: tenantdesk mail login drift
        microsoft/sign-in-revoked-AADSTS50173.json           | user | drift: the sign-in was revoked (a password change, or an administrator) (invalid_grant, AADSTS50173); run: tenantdesk mail login drift
        """)
    void microsoftRefusalsSayWhatToDo(String recording, String grant, String message) {
        OAuthSettings settings = microsoft(grant.equals("app") ? "secret" : null);
        if (grant.equals("user")) {
            signInToMicrosoft();
        }
        server.answerNext(400, recorded(recording));

        assertThatThrownBy(() -> tokens(settings).token())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @Test
    void microsoftsDeviceCodeSignInWaitsForThePersonAndKeepsTheRefreshToken() {
        OAuthSettings settings = signInToMicrosoft();

        assertThat(told).containsExactly("To sign in as drift@eiendom.no, open https://microsoft.com/devicelogin and"
                + " enter the code FJ2KX9QXD (within 15 minutes).");
        assertThat(server.forms().get(0)).isEqualTo("client_id=" + APP + "&scope=https%3A%2F%2Foutlook.office.com%2F"
                + "IMAP.AccessAsUser.All+https%3A%2F%2Foutlook.office.com%2FPOP.AccessAsUser.All+https%3A%2F%2F"
                + "outlook.office.com%2FSMTP.Send+offline_access");
        assertThat(server.forms().get(1)).startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3A"
                + "device_code&device_code=DAQABIQEAAADW6jl31mB3T7ugrWTT8pFeAeBx1tm");
        TokenStore.Stored stored = new TokenStore(state).read("drift", settings.key());
        assertThat(stored.refreshToken()).startsWith("1.AX0AZ3o6");
        assertThat(stored.signedIn()).isNotNull();
    }

    @Test
    void aDeviceCodeSignInWithoutPublicClientFlowsSaysWhereToTurnThemOn() {
        server.answerNext(200, recorded("microsoft/device-code.json"));
        server.answerNext(400, recorded("microsoft/public-client-flows-off-AADSTS7000218.json"));

        assertThatThrownBy(() -> signIn(microsoft(null)).run(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("drift: the app takes no sign-in by device code (invalid_client, AADSTS7000218); in Entra"
                        + " ID, the app's Authentication page, set Allow public client flows to Yes, then run:"
                        + " tenantdesk mail login drift");
    }

    @Test
    void aBusyTokenEndpointIsATemporaryFailure() {
        server.answerNext(503, "<html>Service Unavailable</html>");

        assertThatThrownBy(() -> tokens(microsoft("secret")).token())
                .isInstanceOf(TemporaryFailureException.class)
                .hasMessage("drift: " + server.tokenUrl() + " answered HTTP 503; try again later");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        google/refresh-token-revoked-invalid-grant.json          | user    | drift: the sign-in has expired or was revoked (invalid_grant); run: tenantdesk mail login drift
        google/client-not-found-invalid-client.json              | user    | drift: Google does not know the client 123-desk.apps.googleusercontent.com (invalid_client); check client-id and client-secret-file
        google/no-domain-wide-delegation-unauthorized-client.json | service | drift: the service account may not act for users (unauthorized_client); in the Google Admin console (Security, API controls, Domain-wide delegation) add its client ID with the scope https://mail.google.com/
        google/user-not-in-domain-invalid-grant.json             | service | drift: no user drift@eiendom.no in the Google Workspace domain (invalid_grant); check user:
        """)
    void googleRefusalsSayWhatToDo(String recording, String grant, String message) throws Exception {
        OAuthSettings settings = grant.equals("user") ? signInToGoogle() : serviceAccount();
        server.answerNext(400, recorded(recording));

        assertThatThrownBy(() -> tokens(settings).token())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @Test
    void googlesLoopbackSignInRedeemsTheCodeWithPkceAndKeepsTheRefreshToken() throws Exception {
        OAuthSettings settings = signInToGoogle();

        assertThat(told.get(1)).startsWith(server.url("/authorize") + "?client_id=123-desk.apps.googleusercontent.com"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A").contains("&scope=https%3A%2F%2Fmail.google.com%2F",
                "&code_challenge_method=S256", "&access_type=offline", "&login_hint=drift%40eiendom.no");
        assertThat(server.count("authorization_code")).isEqualTo(1);
        assertThat(new TokenStore(state).read("drift", settings.key()).refreshToken()).startsWith("rt-");
        // The refresh, as Google documents it: the client's secret in the form, no scope.
        assertThat(tokens(settings).token()).startsWith("at-");
        assertThat(server.forms().get(server.forms().size() - 1)).matches("grant_type=refresh_token&refresh_token="
                + "rt-[0-9a-f-]+&client_id=123-desk.apps.googleusercontent.com&client_secret=GOCSPX-desk-secret");
    }

    @Test
    void aGoogleServiceAccountSignsAJwtForTheUser() throws Exception {
        OAuthSettings settings = serviceAccount();

        assertThat(tokens(settings).token()).startsWith("at-");
        assertThat(settings.grant()).isEqualTo(Grant.SERVICE_ACCOUNT);
        assertThat(server.count("urn:ietf:params:oauth:grant-type:jwt-bearer")).isEqualTo(1);
    }

    private OAuthSettings signInToMicrosoft() {
        OAuthSettings settings = microsoft(null);
        server.answerNext(200, recorded("microsoft/device-code.json"));
        server.answerNext(400, recorded("microsoft/authorization-pending-AADSTS70016.json"));
        server.answerNext(200, recorded("microsoft/device-code-refreshed-token.json"));
        signIn(settings).run(0);
        // Expired, so that the next token comes from the refresh token.
        TokenStore store = new TokenStore(state);
        store.write("drift", settings.key(), store.read("drift", settings.key()).withoutAccess());
        return settings;
    }

    /** A real browser sign-in: the test follows the address shown, as a browser would, through the redirect. */
    private OAuthSettings signInToGoogle() throws Exception {
        OAuthSettings settings = google();
        server.client("123-desk.apps.googleusercontent.com", "GOCSPX-desk-secret", null);
        Thread browser = new Thread(() -> {
            try {
                while (told.size() < 2) {
                    Thread.sleep(10);
                }
                Browser.follow(told.get(1), server.trusting());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        browser.start();
        signIn(settings).run(0);
        browser.join();
        TokenStore store = new TokenStore(state);
        store.write("drift", settings.key(), store.read("drift", settings.key()).withoutAccess());
        return settings;
    }

    private OAuthSettings serviceAccount() throws Exception {
        Path key = Browser.serviceAccountKey(state.resolve("google-sa.json"), server);
        return OAuthSettings.of("drift", "google", "drift@eiendom.no", null, null, null, key, server.tokenUrl(), null,
                null, null);
    }
}
