package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant's answer that quotes our whole earlier mail: the operator reads what is new. */
class ReadableThreadTest {

    private static final String ANSWER = String.join("\r\n",
            "From: Kari Nordmann <kari@leietaker.example>",
            "To: drift@eiendom.example",
            "Subject: Re: [#1] Lekkasje i taket",
            "Message-ID: <svar-1@leietaker.example>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Det drypper fortsatt ved døren.",
            "",
            "Den ons. 25. nov. 2026 kl. 14:02 skrev Drift <drift@eiendom.example>:",
            "",
            "> Hei Kari,",
            ">",
            "> Rørleggeren kommer torsdag mellom 8 og 10.",
            ">",
            "> Hilsen",
            "> Driftsavdelingen",
            "");

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        cli.run("contact", "add", "--name", "Kari", "--email", "kari@leietaker.example");
        cli.create("inquiry", "create", "--title", "Lekkasje i taket", "--tenant", "Kari");
        assertThat(cli.runWithInput(ANSWER, "fetch-mail", "--source", "-")).succeeded();
    }

    @Test
    void showPrintsTheNewPartAndOneLineForTheQuotedHistory() {
        CommandResult result = cli.run("inquiry", "show", "1");

        assertThat(result).succeeded().printed("Det drypper fortsatt ved døren.",
                "[8 quoted lines hidden; --full shows them]");
        assertThat(result.out()).doesNotContain("Rørleggeren kommer", "skrev Drift");
    }

    @Test
    void fullShowsTheQuotedHistoryToo() {
        CommandResult result = cli.run("inquiry", "show", "1", "--full");

        assertThat(result).succeeded().printed("Det drypper fortsatt ved døren.", "> Rørleggeren kommer torsdag");
        assertThat(result.out()).doesNotContain("hidden");
    }

    @Test
    void jsonKeepsTheBodyWholeAndSaysWhereTheQuoteStarts() {
        JsonNode comment = cli.run("inquiry", "show", "1", "--json").json().get("comments").get(0);

        String body = comment.get("body").asText();
        assertThat(body).contains("Rørleggeren kommer torsdag");
        assertThat(body.substring(comment.get("quotedFrom").asInt())).startsWith("Den ons. 25. nov. 2026");
    }

    @Test
    void aCommentWithoutQuotesHasNoQuotedFrom() {
        cli.run("comment", "1", "-m", "> sitat fra telefonen\nRinger i morgen");

        JsonNode comments = cli.run("inquiry", "show", "1", "--json").json().get("comments");
        assertThat(comments.get(1).get("quotedFrom").isNull()).isTrue();
    }

    @Test
    void searchStillFindsWordsInTheQuotedHistory() {
        assertThat(cli.searchHits("rørleggeren")).isNotEmpty();
    }
}
