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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    long kari;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        kari = cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "Kari.Nordmann@Example.no",
                "--phone", "+47 900 00 000");
        cli.create("contact", "add", "--name", "Kari Hansen", "--email", "hansen@example.no");
        cli.create("contact", "add", "--name", "Ærlige Åse Øvrebø", "--role", "staff");
    }

    private String whoIs(String who) {
        CommandResult result = cli.run("contact", "show", who, "--json");
        assertThat(result).succeeded();
        return result.json().get("name").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "#1", "kari.nordmann@example.no", "KARI.NORDMANN@EXAMPLE.NO", "Kari Nordmann",
        "kari nordmann", "Nordmann", "ordma"})
    void whoIsAnIdAnEmailAddressOrAUniqueNameOrPartOfOne(String who) {
        assertThat(kari).isEqualTo(1);
        assertThat(whoIs(who)).isEqualTo("Kari Nordmann");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ærlige", "ÆRLIGE", "åse", "ÅSE", "øvrebø", "ØVREBØ"})
    void norwegianLettersMatchWhateverTheirCase(String who) {
        assertThat(whoIs(who)).isEqualTo("Ærlige Åse Øvrebø");
    }

    @Test
    void anAmbiguousNameIsAUsageErrorNamingTheCandidates() {
        assertThat(cli.run("contact", "show", "Kari"))
                .failedWith(2, "'Kari' matches 2 contacts: #2 Kari Hansen <hansen@example.no>, "
                        + "#1 Kari Nordmann <Kari.Nordmann@Example.no>; give an id or e-mail address");
    }

    @Test
    void twoContactsWithTheSameWholeNameAreAmbiguousToo() {
        cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "kari2@example.no");

        assertThat(cli.run("contact", "show", "kari nordmann")).failedWith(2, "matches 2 contacts");
    }

    @Test
    void aWholeNameWinsOverLongerNamesContainingIt() {
        cli.create("contact", "add", "--name", "Kari Nordmann Berg");

        assertThat(whoIs("Kari Nordmann")).isEqualTo("Kari Nordmann");
    }

    @Test
    void showingAContactNobodyIsIsNotFound() {
        assertThat(cli.run("contact", "show", "Nobody")).failedWith(3, "contact 'Nobody' not found");
        assertThat(cli.run("contact", "show", "99")).failedWith(3, "contact '99' not found");
        assertThat(cli.run("contact", "show", "nobody@example.no")).failedWith(3, "not found");
    }

    @Test
    void namingAnUnknownContactInAnOptionIsAUsageError() {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje");

        assertThat(cli.run("inquiry", "list", "--tenant", "Nobody")).failedWith(2, "no contact matches 'Nobody'");
        assertThat(cli.run("inquiry", "update", String.valueOf(id), "--assignee", "99"))
                .failedWith(2, "no contact has id 99");
        assertThat(cli.run("task", "list", "--assignee", "nobody@example.no"))
                .failedWith(2, "no contact has e-mail address");
        assertThat(cli.run("inquiry", "create", "--title", "X", "--tenant", "Nobody"))
                .failedWith(2, "no contact matches 'Nobody'");
    }

    @Test
    void anIdTooLargeForANumberIsAnUnknownContactNotACrash() {
        assertThat(cli.run("contact", "show", "#99999999999999999999")).failedWith(3, "99999999999999999999");
        assertThat(cli.run("inquiry", "list", "--assignee", "#99999999999999999999"))
                .failedWith(2, "no contact has id #99999999999999999999");
    }

    @Test
    void aDuplicateEmailAddressIsRefusedWhateverItsCase() {
        assertThat(cli.run("contact", "add", "--name", "Kopi", "--email", "KARI.nordmann@example.NO"))
                .failedWith(2, "contact #1 Kari Nordmann has e-mail address");
    }

    @Test
    void aNameThatLooksLikeAnIdOrAnAddressIsRefused() {
        assertThat(cli.run("contact", "add", "--name", "#12")).failedWith(2, "cannot be a number");
        assertThat(cli.run("contact", "add", "--name", "a@b")).failedWith(2, "contain '@'");
    }

    @Test
    void aPhoneThatIsNotANumberIsRefusedOnAddAndUpdateAndNothingChanges() {
        String takes = "(give its digits, with spaces, +, - and parentheses if you like: +47 22 33 44 55)";
        assertThat(cli.run("contact", "add", "--name", "Ola", "--phone", "abc"))
                .failedWith(2, "not a phone number: 'abc' " + takes);
        assertThat(cli.run("contact", "add", "--name", "Ola", "--phone", "+")).failedWith(2, "not a phone number");
        assertThat(cli.run("contact", "update", "1", "--phone", "ring meg")).failedWith(2, "not a phone number");
        assertThat(cli.run("contact", "list", "--json").json()).hasSize(3);
        assertThat(cli.run("contact", "show", "1", "--json").json().get("phone").asText()).isEqualTo("+47 900 00 000");

        assertThat(cli.run("contact", "update", "1", "--phone", " (0047) 22-33 44 55 ")).succeeded();
        assertThat(cli.run("contact", "show", "1", "--json").json().get("phone").asText())
                .isEqualTo("(0047) 22-33 44 55");
        assertThat(cli.run("contact", "update", "1", "--phone", "none")).succeeded();
        assertThat(cli.run("contact", "show", "1", "--json").json().get("phone").isNull()).isTrue();
    }

    @Test
    void addWithJsonPrintsTheContact() {
        cli.create("location", "add", "Bygg A/Kontor 204");

        JsonNode contact = cli.run("contact", "add", "--name", "  Ola   Nordmann ", "--email", "ola@example.no",
                "--role", "contractor", "--location", "Kontor 204", "--json").json();

        assertThat(contact.get("name").asText()).isEqualTo("Ola Nordmann");
        assertThat(contact.get("role").asText()).isEqualTo("contractor");
        assertThat(contact.at("/location/path").asText()).isEqualTo("Bygg A/Kontor 204");
    }

    @Test
    void addConfirmsForPeople() {
        assertThat(cli.run("contact", "add", "--name", "Ola", "--email", "ola@example.no"))
                .succeeded().printed("Added tenant 4: Ola <ola@example.no>");
    }

    @Test
    void listIsSortedByNameAndFiltersByRole() {
        CommandResult table = cli.run("contact", "list");
        assertThat(table).succeeded().printed("NAME", "ROLE", "E-MAIL", "+47 900 00 000");
        assertThat(table.out().indexOf("Kari Hansen")).isLessThan(table.out().indexOf("Kari Nordmann"));

        JsonNode staff = cli.run("contact", "list", "--role", "staff", "--json").json();
        assertThat(staff).extracting(c -> c.get("name").asText()).containsExactly("Ærlige Åse Øvrebø");
    }

    @Test
    void showPrintsTheContactForPeople() {
        assertThat(cli.run("contact", "show", "Nordmann")).succeeded()
                .printed("Contact 1: Kari Nordmann", "tenant", "Kari.Nordmann@Example.no", "+47 900 00 000");
    }

    @Test
    void anInquiryForAnUnknownAddressCreatesTheTenant() {
        JsonNode inquiry = cli.run("inquiry", "create", "--title", "Hei", "--tenant", "Ny.Leietaker@Example.no",
                "--json").json();

        assertThat(inquiry.at("/requester/email").asText()).isEqualTo("ny.leietaker@example.no");
        assertThat(whoIs("ny.leietaker@example.no")).isEqualTo("ny.leietaker");
    }

    @Test
    void aTenantByAnAddressThatCannotBeOneIsRefusedAndNoContactIsMade() {
        assertThat(cli.run("inquiry", "create", "--title", "Hei", "--tenant", "ola.hansen@"))
                .failedWith(2, "not an e-mail address: 'ola.hansen@'");
        assertThat(cli.run("inquiry", "create", "--title", "Hei", "--tenant", "@example.no"))
                .failedWith(2, "not an e-mail address: '@example.no'");
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).isEmpty();
        long id = cli.create("inquiry", "create", "--title", "Hei", "--tenant", "1");
        assertThat(cli.run("inquiry", "update", String.valueOf(id), "--tenant", "a@b@c"))
                .failedWith(2, "not an e-mail address: 'a@b@c'");
        assertThat(cli.run("contact", "list", "--json").json()).hasSize(3);
    }
}
