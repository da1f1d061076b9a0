package no.tenantdesk.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.oauth.OAuthSettings.Grant;
import org.junit.jupiter.api.Test;

class OAuthSettingsTest {

    static OAuthSettings microsoft(String user, String secret) {
        return OAuthSettings.of("drift", "microsoft", user, "eiendom.onmicrosoft.com", "3f2b0c6e", secret, null, null,
                null, null, null);
    }

    @Test
    void microsoftWithASecretIsAppOnlyForExchangeOnline() {
        OAuthSettings app = microsoft("drift@eiendom.no", "s3cret");

        assertThat(app.grant()).isEqualTo(Grant.CLIENT_CREDENTIALS);
        assertThat(app.tokenUrl()).hasToString(
                "https://login.microsoftonline.com/eiendom.onmicrosoft.com/oauth2/v2.0/token");
        assertThat(app.scopes()).containsExactly("https://outlook.office365.com/.default");
        assertThat(app.toString()).doesNotContain("s3cret");
    }

    @Test
    void microsoftWithoutASecretIsAPersonsSignInByDeviceCode() {
        OAuthSettings user = microsoft("drift@eiendom.no", null);

        assertThat(user.grant()).isEqualTo(Grant.SIGNED_IN);
        assertThat(user.deviceAuthorizationUrl()).hasToString(
                "https://login.microsoftonline.com/eiendom.onmicrosoft.com/oauth2/v2.0/devicecode");
        assertThat(user.scopes()).contains("https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access");
    }

    @Test
    void googleIsAppOnlyWithAServiceAccountsKeyAndSignedInWithoutOne() {
        assertThat(OAuthSettings.of("drift", "google", "drift@eiendom.no", null, null, null, Path.of("sa.json"), null,
                null, null, null).grant()).isEqualTo(Grant.SERVICE_ACCOUNT);
        assertThat(OAuthSettings.of("drift", "google", "drift@eiendom.no", null, "id", "secret", null, null, null,
                null, null).grant()).isEqualTo(Grant.SIGNED_IN);
    }

    @Test
    void theSameMailboxAndAppShareTheirTokensAndNoOtherDoes() {
        assertThat(microsoft("drift@eiendom.no", null).key()).isEqualTo(microsoft("drift@eiendom.no", null).key())
                .startsWith("drift@eiendom.no-");
        assertThat(microsoft("drift@eiendom.no", null).key()).isNotEqualTo(microsoft("post@eiendom.no", null).key())
                .isNotEqualTo(microsoft("drift@eiendom.no", "secret").key());
        assertThat(microsoft("../../etc/passwd", null).key()).doesNotContain("/");
    }

    @Test
    void appOnlyTokensNeedTheTenantItself() {
        assertThatThrownBy(() -> OAuthSettings.of("drift", "microsoft", "d@e.no", "common", "id", "s", null, null,
                null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("drift: app-only tokens come from the tenant itself: set tenant: to its name or id, not"
                        + " common");
    }

    @Test
    void aGenericProviderNeedsATokenUrlAndAGrant() {
        assertThatThrownBy(() -> OAuthSettings.of("drift", "generic", "u", null, "id", "s", null, null, null, null,
                null)).hasMessage("drift: oauth2 for provider generic needs token-url: https://…");
        assertThatThrownBy(() -> OAuthSettings.of("drift", "generic", "u", null, "id", null, null,
                "https://login.example/token", null, null, null))
                .hasMessageStartingWith("drift: oauth2 for provider generic needs client-secret-file (the app's own"
                        + " tokens) or device-authorization-url");
    }
}
