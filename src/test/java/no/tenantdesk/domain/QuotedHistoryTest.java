package no.tenantdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotedHistoryTest {

    @Test
    void aMailWithoutQuotesHidesNothing() {
        assertThat(QuotedHistory.of("Det lekker fra taket.\n\nKari")).isEmpty();
    }

    @Test
    void aMailThatIsOnlyAQuoteIsShownWhole() {
        assertThat(QuotedHistory.of("\n> Hei\n> Det lekker\n")).isEmpty();
        assertThat(QuotedHistory.of("-----Original Message-----\nFrom: a\nSent: b\n\nTekst")).isEmpty();
    }

    @Test
    void aForwardIsTheMatterNotHistory() {
        String text = "Se under.\n\n---------- Forwarded message ---------\nFrom: Naboen <n@example.no>\n"
                + "Date: man. 23. nov. 2026\nSubject: Støy\n\nDet bråker hver natt.";

        assertThat(QuotedHistory.of(text)).isEmpty();
    }

    @Test
    void aFromLineWithoutSentBelowIsTheTenantsOwnText() {
        assertThat(QuotedHistory.of("Fra: 1. desember er vi flere i kontoret.\nTakk.")).isEmpty();
    }

    @Test
    void quotedLinesBetweenAnswersStayAndOnlyTheQuotedTailIsHidden() {
        String text = "> Hvilken etasje?\n2. etasje.\n\n> Hvilket rom?\nRom 204.\n\n> Hilsen drift\n>\n";
        QuotedHistory history = QuotedHistory.of(text).orElseThrow();

        assertThat(history.newPart(text)).isEqualTo("> Hvilken etasje?\n2. etasje.\n\n> Hvilket rom?\nRom 204.");
        assertThat(history.lines()).isEqualTo(2);
    }

    @Test
    void aSignatureWithoutItsTrailingSpaceStillCounts() {
        String text = "Takk!\n--\nKari\n";

        assertThat(QuotedHistory.of(text)).contains(new QuotedHistory(6, 2));
    }

    @Test
    void aMegabyteOfQuotedLinesIsReadInOnePass() {
        String text = "Ny tekst\n" + "> gammel linje\n".repeat(70_000);

        assertThat(QuotedHistory.of(text)).contains(new QuotedHistory(9, 70_000));
    }

    /** Texts made of the pieces the rules look for, in random order: the answer is always a prefix, never blank. */
    @Test
    void whateverTheTextTheNewPartIsAPrefixThatIsNotBlank() {
        String[] pieces = {"\n", "> ", ">", "-- \n", "On 1 Dec wrote:\n", "Den 1.12 skrev Ola:\n", "Fra: a\n",
            "Sendt: b\n", "_____\n", "-----Original Message-----\n", "tekst ", " ", "\r\n", "æ"};
        Random random = new Random(18);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder built = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                built.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = built.toString();
            Optional<QuotedHistory> history = QuotedHistory.of(text);

            history.ifPresent(h -> {
                assertThat(h.from()).as(text).isBetween(1, text.length());
                assertThat(h.newPart(text)).as(text).isNotBlank();
                assertThat(text).startsWith(h.newPart(text));
            });
        }
    }
}
