package no.tenantdesk.mail.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpSettingsTest {

    @Test
    void readsUserHostAndPort() {
        SmtpSettings settings = SmtpSettings.parse("smtps://post%40eiendom.example@smtp.example.no:465", "secret");

        assertThat(settings.address())
                .isEqualTo(new ServerAddress("smtps", "post@eiendom.example", "smtp.example.no", 465, null));
        assertThat(settings.address().tls()).isTrue();
        assertThat(settings.name()).isEqualTo("smtps://post%40eiendom.example@smtp.example.no:465");
        assertThat(settings.timeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void aRelayNeedsNoUser() {
        SmtpSettings settings = SmtpSettings.parse("SMTP://localhost", null);

        assertThat(settings.address()).isEqualTo(new ServerAddress("smtp", null, "localhost", -1, null));
        assertThat(settings.address().tls()).isFalse();
        assertThat(settings.address().secureScheme()).isEqualTo("smtps://");
    }

    @Test
    void thePasswordNeverShows() {
        assertThat(SmtpSettings.parse("smtps://post@smtp.example.no", "hemmelig").toString())
                .doesNotContain("hemmelig")
                .contains("smtps://post@smtp.example.no");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtps://post:hemmelig@smtp.example.no  | not in the URI",
        "smtps://smtp.example.no/outbox         | an SMTP server has no folders",
        "smtps://smtp.example.no?auth=plain     | no ? or # part",
        "smtps:///nohost                        | no host name",
        "imaps://post@imap.example.no           | not an SMTP server",
        "'   '                                  | no SMTP server given",
    })
    void refusesWhatCannotWork(String url, String message) {
        assertThatThrownBy(() -> SmtpSettings.parse(url, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("hemmelig");
    }

    @Test
    void aUserAndAPasswordGoTogether() {
        assertThatThrownBy(() -> SmtpSettings.parse("smtps://post@smtp.example.no", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no password");
        assertThatThrownBy(() -> SmtpSettings.parse("smtps://smtp.example.no", "hemmelig"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("names no user")
                .hasMessageNotContaining("hemmelig");
    }
}
