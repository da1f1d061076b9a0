package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailSourcesTest {

    @TempDir
    Path spool;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://example.no/inbox            | not a mail source",
        "/var/mail/kari                     | not a mail source",
        "imaps://mail.example.no/INBOX      | no user name",
        "imaps:///INBOX                     | no host name",
        "imap:kari@mail.example.no          | no host name",
        "pop3s://kari@mail.example.no/INBOX | a POP3 mailbox has no folders",
        "imaps://kari:secret@mail.example.no | not in the URI",
        "imaps://kari@mail.example.no/INBOX?x=1 | no ? or # part",
        "maildir:                           | no path",
        "mbox:                              | no path",
    })
    void urisThatNameNoSourceAreInvalidInput(String uri, String message) {
        assertThatThrownBy(() -> MailSources.open(Specs.local(uri, null, spool)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(ServerAddress.withoutPassword(uri) + ": ")
                .hasMessageContaining(message)
                .hasMessageNotContaining("secret");
    }

    @Test
    void moveNeedsAFolder() {
        assertThatThrownBy(() -> MailSources.open(Specs.server("imaps://kari@mail.example.no/INBOX", "pw",
                        AfterImport.MOVE, null, spool, null, new ArrayList<>())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("folder to move them to");
    }

    @Test
    void pop3CanOnlyKeepOrDelete() {
        assertThatThrownBy(() -> MailSources.open(Specs.server("pop3s://kari@mail.example.no", "pw",
                        AfterImport.SEEN, null, spool, null, new ArrayList<>())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("keep or delete");
    }

    @Test
    void serverAddressesDecodeTheUserAndDefaultToInbox() {
        assertThat(ServerAddress.parse("n", "imaps://kari%40example.no@mail.example.no:9993"))
                .isEqualTo(new ServerAddress("imaps", "kari@example.no", "mail.example.no", 9993, "INBOX"));
        assertThat(ServerAddress.parse("n", "IMAP://kari@[::1]/Tenant%20mail/2024"))
                .isEqualTo(new ServerAddress("imap", "kari", "::1", -1, "Tenant mail/2024"));
        assertThat(ServerAddress.parse("n", "pop3://kari@mail.example.no/"))
                .isEqualTo(new ServerAddress("pop3", "kari", "mail.example.no", -1, null));
    }

    @Test
    void tlsNoneGoesOnlyWithTheSchemesThatUpgrade() {
        assertThatThrownBy(() -> MailSources.open(Specs.server("imaps://kari@mail.example.no/INBOX", "pw", Tls.NONE,
                        null, null, null, null, new ArrayList<>())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("imaps://mail.example.no: tls: none does not go with imaps://, which is TLS from the first"
                        + " byte");
    }
}
