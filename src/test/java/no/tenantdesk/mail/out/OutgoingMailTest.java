package no.tenantdesk.mail.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.out.OutgoingMail.Address;
import no.tenantdesk.mail.out.OutgoingMail.Attachment;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    private static OutgoingMail withSubject(String subject) {
        return new OutgoingMail("r@eiendom.example", Mails.FROM, List.of(Mails.KARI), subject, "x", null, List.of(),
                OutgoingMail.Automatic.NO, List.of());
    }

    @Test
    void aLineBreakInTheSubjectCannotAddAHeader() {
        assertThatThrownBy(() -> withSubject("Hei\r\nBcc: alle@example.no"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line break")
                .hasMessageContaining("\\u000d\\u000a");
        assertThatThrownBy(() -> withSubject("Hei\nBcc: alle@example.no")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aLineBreakInANameOrFileNameIsRefused() {
        assertThatThrownBy(() -> new Address("Kari\r\nBcc: alle@example.no", "kari@example.no"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Attachment("a\r\nContent-Type: text/html", null, Path.of("x")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void addressesMustBePlainAddresses() {
        assertThatThrownBy(() -> Address.of("kari@example.no\r\nRCPT TO:<alle@example.no>"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Address.of("Kari <kari@example.no>")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Address.of("kari")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Address.of("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Address.of("kåre@example.no")).hasMessageContaining("non-ASCII");
        assertThat(Address.of("kari.nordmann+204@example.no").email()).isEqualTo("kari.nordmann+204@example.no");
    }

    @Test
    void aMessageNeedsARecipientAndAnIdWithoutBrackets() {
        assertThatThrownBy(() -> new OutgoingMail("r@eiendom.example", Mails.FROM, List.of(), "s", "t", null,
                List.of(), OutgoingMail.Automatic.NO, List.of())).hasMessageContaining("recipient");
        assertThatThrownBy(() -> new OutgoingMail("<r@eiendom.example>", Mails.FROM, List.of(Mails.KARI), "s", "t",
                null, List.of(), OutgoingMail.Automatic.NO, List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new OutgoingMail("no-at-sign", Mails.FROM, List.of(Mails.KARI), "s", "t",
                null, List.of(), OutgoingMail.Automatic.NO, List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new OutgoingMail("r@eiendom.example", Mails.FROM, List.of(Mails.KARI), "s", "t",
                "a@b>\r\nBcc: x@y", List.of(), OutgoingMail.Automatic.NO, List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new OutgoingMail("r@eiendom.example", Mails.FROM, List.of(Mails.KARI), "s", "t",
                null, List.of("a@b c@d"), OutgoingMail.Automatic.NO, List.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theEnvelopeIsTheAddresses() {
        assertThat(Mails.reply("r@eiendom.example").envelope())
                .isEqualTo(new Envelope("post@eiendom.example", List.of("kari@example.no")));
    }
}
