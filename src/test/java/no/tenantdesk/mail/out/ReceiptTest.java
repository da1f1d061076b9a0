package no.tenantdesk.mail.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReceiptTest {

    static final OutgoingMail.Address FROM = new OutgoingMail.Address("Drift", "drift@eiendom.example");

    @Test
    void aReceiptCarriesTheNumberInOurOwnWordsAndNothingOfTheSenders() {
        Receipt receipt = new Receipt(FROM, "Henvendelsen er registrert", "Hei,\n\nsak {id} er registrert.\n");

        OutgoingMail mail = receipt.to("kari@example.no", 12, "ack.12@eiendom.example", "x@tenant.example",
                List.of("x@tenant.example"));

        assertThat(mail.subject()).isEqualTo("[#12] Henvendelsen er registrert");
        assertThat(mail.text()).isEqualTo("Hei,\n\nsak #12 er registrert.\n");
        assertThat(mail.to()).containsExactly(OutgoingMail.Address.of("kari@example.no"));
        assertThat(mail.automatic()).isEqualTo(OutgoingMail.Automatic.REPLIED);
    }

    @Test
    void aTextThatWouldEchoTheSendersSubjectOrNameIsRefused() {
        for (String template : List.of("Hei {name},", "Sak {id}: {title}")) {
            assertThatThrownBy(() -> new Receipt(FROM, "Mottatt", template))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("carries none of the sender's text");
        }
        assertThatThrownBy(() -> new Receipt(FROM, "Re: {title}", "Sak {id}."))
                .isInstanceOf(InvalidInputException.class);
    }
}
