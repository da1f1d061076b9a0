package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.tenantdesk.domain.QuotedHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers as the mail clients tenants use write them, parsed as fetch-mail parses them. */
class RealRepliesQuotedHistoryTest {

    @TempDir
    Path spool;

    private String text(String fixture) {
        return new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, spool)
                .parse(Fixtures.raw("replies/" + fixture)).text();
    }

    private QuotedHistory history(String text) {
        return QuotedHistory.of(text).orElseThrow(() -> new AssertionError("no quoted history found in " + text));
    }

    @Test
    void outlookOnWindowsInNorwegianQuotesBelowAFraSendtTilEmneBlock() {
        String text = text("outlook-windows-norwegian-top-posted.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).startsWith("Hei,").endsWith("Kari Nordmann\nRegnskap AS")
                .contains("ved døren").doesNotContain("Fra:");
        assertThat(text.substring(history.from())).startsWith("Fra: Drift Eiendom");
        assertThat(history.lines()).isEqualTo(11);
    }

    @Test
    void outlookOnTheWebInEnglishQuotesBelowOriginalMessage() {
        String text = text("outlook-web-english-original-message.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).isEqualTo("Thanks, it works again. You can close the case.\n\nJohn");
        assertThat(text.substring(history.from())).startsWith("-----Original Message-----");
    }

    @Test
    void outlookForIosPutsUnderscoresAboveItsFromSentBlock() {
        String text = text("outlook-english-underscore-block.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).isEqualTo("The reader at the north entrance still blinks red.\n\n"
                + "Get Outlook for iOS");
        assertThat(text.substring(history.from())).startsWith("_____");
    }

    @Test
    void gmailInNorwegianBreaksTheSkrevLineInsideTheAddress() {
        String text = text("gmail-norwegian-quoted.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).isEqualTo("Den står fortsatt stille. Displayet viser F05.\n\nOla");
        assertThat(text.substring(history.from())).startsWith("Den ons. 25. nov. 2026 kl. 14:02 skrev");
    }

    @Test
    void gmailInEnglishWrapsALongOnWroteLine() {
        String text = text("gmail-english-wrapped-attribution.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).isEqualTo("Great, Friday at 9 suits us.");
        assertThat(text.substring(history.from())).startsWith("On Wed, Nov 25, 2026");
        assertThat(history.lines()).isEqualTo(9);
    }

    @Test
    void appleMailInNorwegianQuotesItsSkrevLineToo() {
        String text = text("apple-mail-norwegian.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).isEqualTo("Det er verst mellom kl. 7 og 9 om morgenen.\n\nSendt fra min iPhone");
        assertThat(text.substring(history.from())).startsWith("> 25. nov. 2026 kl. 13:45 skrev");
    }

    @Test
    void appleMailInEnglish() {
        String text = text("apple-mail-english.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).isEqualTo("The car is still there this morning, registration EB 12345."
                + "\n\nPeter");
        assertThat(history.lines()).isEqualTo(7);
    }

    @Test
    void thunderbirdInNorwegianKeepsTheAnswersBetweenQuotesAndHidesTheSignature() {
        String text = text("thunderbird-norwegian-interleaved.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).startsWith("Den 26.11.2026 15:10, skrev Drift Eiendom:")
                .contains("Bygg B, mellom 2. og 3. etasje.", "Nei, bare den ene lampen ved vinduet.")
                .doesNotContain("Tlf.");
        // format=flowed takes the space of "-- " away; the line is still the signature's
        assertThat(text.substring(history.from())).startsWith("--\nPer Olsen");
        assertThat(history.lines()).isEqualTo(4);
    }

    @Test
    void thunderbirdInEnglishTopPosted() {
        String text = text("thunderbird-english-top-posted.eml");
        QuotedHistory history = history(text);

        assertThat(history.newPart(text)).isEqualTo("Yes, both taps in the kitchen are weak.");
        assertThat(text.substring(history.from())).startsWith("On 26/11/2026 16:30, Drift Eiendom wrote:");
    }
}
