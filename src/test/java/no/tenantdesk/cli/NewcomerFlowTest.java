package no.tenantdesk.cli;

import static no.tenantdesk.testing.Events.changes;
import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first day at the desk, as the README would tell it: one inquiry from the call to the closed case. */
class NewcomerFlowTest {

    @TempDir
    Path folder;

    @Test
    void aTenantsCallBecomesADeviationFixedByAContractorAndAClosedInquiry() {
        Cli cli = new Cli(folder).at("2026-11-27T08:00:00Z");

        // Given the building, a tenant living there and a plumber
        assertThat(cli.run("location", "add", "Bygg A/2. etasje/Kontor 204")).succeeded();
        assertThat(cli.run("contact", "add", "--name", "Kari Nordmann", "--email", "kari@example.no",
                "--location", "Kontor 204")).succeeded();
        assertThat(cli.run("contact", "add", "--name", "Rør og Varme AS", "--email", "post@ror.no",
                "--role", "contractor")).succeeded();

        // When Kari calls about a leak
        CommandResult created = cli.run("inquiry", "create", "--title", "Lekkasje fra taket", "--tenant", "kari",
                "--priority", "high");
        assertThat(created).succeeded().printed("Created inquiry 1: Lekkasje fra taket");
        assertThat(cli.run("comment", "1", "-m", "Vann drypper over pulten")).succeeded();
        assertThat(cli.run("status", "1", "in-progress")).succeeded();

        // and the plumber gets a deviation report, fixes it and documents it with a photo
        cli.at("2026-11-27T09:00:00Z");
        assertThat(cli.run("task", "create", "1", "--title", "Tett taket", "--kind", "deviation",
                "--assignee", "post@ror.no")).succeeded().printed("Created deviation 1 on inquiry 1");
        cli.at("2026-11-28T14:00:00Z");
        Path photo = cli.file("etter-reparasjon.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
        assertThat(cli.run("task", "status", "1", "done", "--note", "Byttet takpapp", "--attach", photo.toString(),
                "--as", "Rør og Varme AS")).succeeded();
        cli.at("2026-11-28T15:00:00Z");
        assertThat(cli.run("status", "1", "done", "-m", "Leietaker bekrefter at det er tørt")).succeeded();

        // Then the story reads back for people
        CommandResult table = cli.run("inquiry", "show", "1");
        assertThat(table).succeeded().printed("Inquiry 1: Lekkasje fra taket", "done (closed 2026-11-28 15:00, just now)",
                "Kari Nordmann <kari@example.no>", "Bygg A/2. etasje/Kontor 204",
                "#1 deviation [done] Tett taket → Rør og Varme AS", "Note: Byttet takpapp",
                "etter-reparasjon.jpg", "Vann drypper over pulten", "Leietaker bekrefter at det er tørt");
        assertThat(cli.run("inquiry", "list")).succeeded().didNotPrint("Lekkasje");
        assertThat(cli.run("inquiry", "list", "--status", "done")).succeeded().printed("Lekkasje fra taket");

        // and for scripts
        JsonNode json = cli.run("inquiry", "show", "1", "--json").json();
        assertThat(json.get("status").asText()).isEqualTo("done");
        assertThat(json.get("closedAt").asText()).isEqualTo("2026-11-28T15:00:00Z");
        assertThat(json.at("/requester/email").asText()).isEqualTo("kari@example.no");
        assertThat(json.at("/location/path").asText()).isEqualTo("Bygg A/2. etasje/Kontor 204");
        assertThat(json.get("comments")).extracting(c -> c.get("body").asText())
                .containsExactly("Vann drypper over pulten", "Leietaker bekrefter at det er tørt");
        JsonNode task = json.get("tasks").get(0);
        assertThat(task.get("kind").asText()).isEqualTo("deviation");
        assertThat(task.get("status").asText()).isEqualTo("done");
        assertThat(task.get("completionNote").asText()).isEqualTo("Byttet takpapp");
        assertThat(task.at("/attachments/0/filename").asText()).isEqualTo("etter-reparasjon.jpg");
        assertThat(changes(json)).extracting(e -> e.get("field").asText() + ":" + e.get("to").asText() + ":"
                + e.get("actor").asText()).containsExactly(
                        "status:in-progress:operator",
                        "deviation:Tett taket:operator",
                        "status:done:Rør og Varme AS",
                        "status:done:operator");

        // and the photo comes back byte for byte
        String attachment = task.at("/attachments/0/id").asText();
        assertThat(cli.run("attachment", "get", attachment, "-o", "-").rawOut())
                .containsExactly(0xFF, 0xD8, 0xFF, 0);
    }
}
