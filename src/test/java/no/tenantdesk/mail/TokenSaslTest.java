package no.tenantdesk.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The initial responses, byte for byte as the documents that define them show them. */
class TokenSaslTest {

    @Test
    void xoauth2IsGooglesExample() {
        // "OAuth 2.0 Mechanism" (Google for Developers, Gmail IMAP and SMTP), "The SASL XOAUTH2 Mechanism".
        byte[] response = TokenSasl.xoauth2("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg");

        assertThat(Base64.getEncoder().encodeToString(response)).isEqualTo("dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPU"
                + "JlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==");
    }

    @Test
    void oauthBearerIsRfc7628sExample() {
        // RFC 7628, section 4.1: a successful IMAP exchange.
        byte[] response = TokenSasl.oauthBearer("user@example.com", "server.example.com", 143,
                "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==");

        assertThat(new String(response, UTF_8)).isEqualTo("n,a=user@example.com,\u0001host=server.example.com\u0001"
                + "port=143\u0001auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\u0001\u0001");
        assertThat(Base64.getEncoder().encodeToString(response)).isEqualTo("bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2Vy"
                + "dmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0"
                + "Q2c9PQEB");
    }

    @Test
    void oauthBearerEscapesTheUserAsRfc5801Says() {
        assertThat(new String(TokenSasl.oauthBearer("a,b=c", null, -1, "t"), UTF_8))
                .isEqualTo("n,a=a=2Cb=3Dc,\u0001auth=Bearer t\u0001\u0001");
    }
}
