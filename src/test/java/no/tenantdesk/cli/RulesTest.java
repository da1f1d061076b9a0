package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's rules: what fetch-mail does with them, what `rules test` says, and a bad rule refused. */
class RulesTest {

    static final String RULES = """
            rules:
              - name: lekkasje haster
                when: {subject: "lekkasje|vannskade"}
                set: {priority: høy}
              - name: brannsentral
                when: {from: "alarm@brannsentral.example"}
                set: {priority: urgent, thread-by-subject: true, location: "Bygg A"}
                task: {title: "Sjekk brannsentralen", assignee: "Per Vaktmester"}
                stop: true
              - name: nyhetsbrev
                when: {domain: "nyhetsbrev.example"}
                skip: true
              - name: solsiden til Per
                when: {organization: Solsiden}
                set: {assignee: "Per Vaktmester", priority: low}
            """;

    @TempDir
    Path folder;

    Cli cli;

    int sent;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        cli.run("location", "add", "Bygg A/1. etasje");
        cli.run("contact", "add", "--name", "Per Vaktmester", "--email", "per@eiendom.example", "--role", "staff");
        cli.run("org", "add", "Solsiden", "--domain", "solsiden.no");
        config(RULES);
    }

    private void config(String yaml) throws Exception {
        cli.env("TENANTDESK_CONFIG", Files.writeString(folder.resolve("tenantdesk.yaml"), yaml).toString());
    }

    private String mail(String from, String subject, String body) {
        return OrgCommandTest.mail(from, subject, body).replace("@test>", "." + sent++ + "@test>");
    }

    private JsonNode fetch(String mail, String... options) {
        String[] args = new String[3 + options.length];
        System.arraycopy(new String[] {"fetch-mail", "--source", "-"}, 0, args, 0, 3);
        System.arraycopy(options, 0, args, 3, options.length);
        CommandResult result = cli.runWithInput(mail, concat(args, "--json"));
        assertThat(result).succeeded();
        return result.json().at("/messages/0");
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    @Test
    void aMatchingRuleSetsThePriorityAndFetchMailSaysWhichRulesMatched() {
        JsonNode message = fetch(mail("Kari <kari@leietaker.example>", "Vannskade i 1. etasje", "Det renner."));

        assertThat(message.get("rules")).extracting(JsonNode::asText).containsExactly("lekkasje haster");
        assertThat(message.at("/location/path").asText()).isEqualTo("Bygg A/1. etasje");
        assertThat(message.at("/location/from").asText()).isEqualTo("text");
        assertThat(message.at("/location/matched").asText()).isEqualTo("1. etasje");
        JsonNode inquiry = cli.run("inquiry", "show", message.get("inquiryId").asText(), "--json").json();
        assertThat(inquiry.get("priority").asText()).isEqualTo("high");
        assertThat(inquiry.get("events").findValuesAsText("actor")).contains("rule 'lekkasje haster'");
    }

    @Test
    void anAlarmSystemsRepeatsJoinItsOpenInquiryWithATaskForTheCaretaker() {
        String alarm = "Brannsentral <alarm@brannsentral.example>";
        JsonNode first = fetch(mail(alarm, "Feil på sløyfe 3", "Feil."));
        JsonNode again = fetch(mail(alarm, "Feil på sløyfe 3", "Feil igjen."));

        assertThat(first.get("rules")).extracting(JsonNode::asText).containsExactly("brannsentral"); // stop: true
        assertThat(again.get("outcome").asText()).isEqualTo("threaded");
        assertThat(again.get("matchedBy").asText()).isEqualTo("subject");
        assertThat(again.get("inquiryId").asLong()).isEqualTo(first.get("inquiryId").asLong());
        JsonNode inquiry = cli.run("inquiry", "show", first.get("inquiryId").asText(), "--json").json();
        assertThat(inquiry.get("priority").asText()).isEqualTo("urgent");
        assertThat(inquiry.at("/location/path").asText()).isEqualTo("Bygg A");
        assertThat(inquiry.get("locationFrom").asText()).isEqualTo("rule");
        assertThat(inquiry.at("/tasks/0/title").asText()).isEqualTo("Sjekk brannsentralen");
        assertThat(inquiry.at("/tasks/0/assignee/name").asText()).isEqualTo("Per Vaktmester");
    }

    @Test
    void aSkipRuleRecordsTheMailWithReasonRule() {
        JsonNode message = fetch(mail("Nytt <info@nyhetsbrev.example>", "Vannskade? Vi hjelper!", "Kjøp."));

        assertThat(message.get("outcome").asText()).isEqualTo("skipped");
        assertThat(message.get("reason").asText()).isEqualTo("rule");
        assertThat(message.get("rules")).extracting(JsonNode::asText)
                .containsExactly("lekkasje haster", "nyhetsbrev");
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).isEmpty();
    }

    @Test
    void anOrganizationsRuleAppliesToItsPeople() {
        JsonNode message = fetch(mail("Nils <nils@solsiden.no>", "Kaffemaskin", "Den virker ikke."));

        assertThat(message.at("/organization/name").asText()).isEqualTo("Solsiden");
        JsonNode inquiry = cli.run("inquiry", "show", message.get("inquiryId").asText(), "--json").json();
        assertThat(inquiry.at("/assignee/name").asText()).isEqualTo("Per Vaktmester");
        assertThat(inquiry.get("priority").asText()).isEqualTo("low");
    }

    @Test
    void aDryRunExplainsTheSameAndStoresNothing() {
        JsonNode message = fetch(mail("Kari <kari@leietaker.example>", "Lekkasje i 1. etasje", ""), "--dry-run");

        assertThat(message.get("rules")).extracting(JsonNode::asText).containsExactly("lekkasje haster");
        assertThat(message.at("/location/path").asText()).isEqualTo("Bygg A/1. etasje");
        assertThat(cli.run("inquiry", "list", "--json").json()).isEmpty();
    }

    @Test
    void rulesTestSaysWhatWouldBeSetAndChangesNothing() {
        Path eml = cli.file("alarm.eml", mail("Brannsentral <alarm@brannsentral.example>", "Brann i bygg A", ""));

        assertThat(cli.run("rules", "test", eml + ".missing")).failedWith(2, "no such file: " + eml + ".missing");
        assertThat(cli.run("rules", "test", eml.toString())).succeeded().printed("A new inquiry.",
                "Rules     brannsentral", "Location  Bygg A (from rule: brannsentral)",
                "Priority  urgent (rule 'brannsentral')", "Task      Sjekk brannsentralen, to Per Vaktmester");
        JsonNode verdict = cli.runWithInput(mail("Nytt <a@nyhetsbrev.example>", "Hei", ""), "rules", "test", "-",
                "--json").json();
        assertThat(verdict.get("outcome").asText()).isEqualTo("skipped");
        assertThat(verdict.get("reason").asText()).isEqualTo("rule");
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).isEmpty();
    }

    @Test
    void aRuleNamingAnUnknownPlaceOrPersonStopsTheRunBeforeAnyMailIsRead() throws Exception {
        config("rules:\n  - name: til kjelleren\n    when: {subject: kjeller}\n    set: {location: \"Bygg Q\"}\n");

        assertThat(cli.runWithInput(mail("Kari <kari@leietaker.example>", "Hei", ""), "fetch-mail", "--source", "-"))
                .failedWith(2, "rule 'til kjelleren': location:");

        config("rules:\n  - name: til ola\n    when: {subject: x}\n    set: {assignee: \"Ola Ukjent\"}\n");
        assertThat(cli.runWithInput(mail("Kari <kari@leietaker.example>", "Hei", ""), "rules", "test", "-"))
                .failedWith(2, "rule 'til ola': assignee:");
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).isEmpty();
    }

    @Test
    void anInvalidRuleIsAOneLineErrorNamingIt() throws Exception {
        config("rules:\n  - name: tilbakeref\n    when: {subject: \"(a)\\\\1\"}\n    set: {priority: high}\n");
        assertThat(cli.runWithInput("", "rules", "test", "-")).failedWith(2, "rule 'tilbakeref': subject");

        config("rules:\n  - name: feil ord\n    when: {subject: x}\n    set: {priority: kjempeviktig}\n");
        assertThat(cli.runWithInput("", "rules", "test", "-")).failedWith(2, "rule 'feil ord': unknown priority 'kjempeviktig'");

        config("rules:\n  - name: tom\n    when: {subject: x}\n");
        assertThat(cli.runWithInput("", "rules", "test", "-")).failedWith(2, "rule 'tom' does nothing");
    }
}
