package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    private JsonNode locations() {
        CommandResult result = cli.run("location", "list", "--json");
        assertThat(result).succeeded();
        return result.json();
    }

    @Test
    void addCreatesTheMissingPlacesAbove() {
        assertThat(cli.run("location", "add", "Bygg A / 2. etasje/Kontor  204")).succeeded()
                .printed("Added location Bygg A/2. etasje/Kontor 204");

        assertThat(locations()).extracting(l -> l.get("path").asText())
                .containsExactly("Bygg A", "Bygg A/2. etasje", "Bygg A/2. etasje/Kontor 204");
        JsonNode office = locations().get(2);
        assertThat(office.get("parentId").asLong()).isEqualTo(locations().get(1).get("id").asLong());
    }

    @Test
    void aPathWithAnEmptyNameInItOrAUrlIsRefusedAndASlashAtEitherEndForgiven() {
        assertThat(cli.run("location", "add", "https://bygg.example/a")).failedWith(2,
                "'https://bygg.example/a' has an empty name between two '/'");
        assertThat(cli.run("location", "add", "Bygg A//Kontor 204")).failedWith(2, "has an empty name between two '/'");
        assertThat(cli.run("location", "add", " / ")).failedWith(2, "a location needs a name");
        assertThat(locations()).isEmpty();

        assertThat(cli.run("location", "add", "/Bygg A/Kontor 204/")).succeeded()
                .printed("Added location Bygg A/Kontor 204");
        assertThat(cli.run("inquiry", "list", "--location", "https://bygg.example/a")).failedWith(2,
                "has an empty name between two '/'");
    }

    @Test
    void anEmptyWhoIsRefusedNotTakenForTheOnlyContact() {
        cli.create("contact", "add", "--name", "Per Vaktmester", "--role", "staff");
        cli.create("inquiry", "create", "--title", "Kaldt");

        for (String option : List.of("--tenant", "--assignee")) {
            assertThat(cli.run("inquiry", "create", "--title", "Varmt", option, " ")).failedWith(2,
                    "a contact is named by its id, e-mail address or name, not ' '");
            assertThat(cli.run("inquiry", "list", option, "")).failedWith(2, "a contact is named by");
        }
        assertThat(cli.run("inquiry", "update", "1", "--assignee", "")).failedWith(2, "a contact is named by");
        assertThat(cli.run("inquiry", "list", "--json").json()).hasSize(1);
        assertThat(cli.run("inquiry", "show", "1", "--json").json().get("assignee").isNull()).isTrue();
    }

    @Test
    void anExistingPlaceIsRefusedWhateverItsCase() {
        cli.create("location", "add", "Bygg A/Kontor 204");

        assertThat(cli.run("location", "add", "bygg a/kontor 204")).failedWith(2, "'Bygg A/Kontor 204' exists already");
    }

    @Test
    void aPlaceIsFoundByTheTailOfItsPath() {
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");

        JsonNode inquiry = cli.run("inquiry", "create", "--title", "Kaldt", "--location", "kontor 204", "--json").json();

        assertThat(inquiry.at("/location/path").asText()).isEqualTo("Bygg A/2. etasje/Kontor 204");
    }

    @Test
    void aTailIsWholeNamesWhateverTheirCase() {
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.create("location", "add", "Bygg B/Kontor 1204");
        cli.create("location", "add", "Bygg Æ/Lille Kjøkken");

        // "kontor 204" ends "Kontor 1204" too, but not after a "/": only Bygg A's is meant.
        assertThat(cli.run("inquiry", "create", "--title", "Kaldt", "--location", "kontor 204", "--json").json()
                .at("/location/path").asText()).isEqualTo("Bygg A/2. etasje/Kontor 204");
        assertThat(cli.run("inquiry", "create", "--title", "Varmt", "--location", "LILLE KJØKKEN", "--json").json()
                .at("/location/path").asText()).isEqualTo("Bygg Æ/Lille Kjøkken");
        assertThat(cli.run("inquiry", "create", "--title", "Mus", "--location", "Kjøkken"))
                .failedWith(2, "unknown location 'Kjøkken' (add it with: tenantdesk location add 'Kjøkken')");
    }

    @Test
    void anAmbiguousTailNamesBothPaths() {
        cli.create("location", "add", "Bygg A/Lager");
        cli.create("location", "add", "Bygg B/Lager");

        assertThat(cli.run("inquiry", "create", "--title", "Mus", "--location", "Lager"))
                .failedWith(2, "'Lager' matches 2 locations: 'Bygg A/Lager', 'Bygg B/Lager'; give the whole path");
    }

    @Test
    void anUnknownPlaceSaysHowToAddIt() {
        assertThat(cli.run("inquiry", "create", "--title", "Mus", "--location", "Loftet"))
                .failedWith(2, "unknown location 'Loftet' (add it with: tenantdesk location add 'Loftet')");
        assertThat(cli.run("inquiry", "list", "--location", " /Bygg C /  Tom's rom/")).failedWith(2, "unknown location"
                + " ' /Bygg C /  Tom's rom/' (add it with: tenantdesk location add 'Bygg C/Tom'\\''s rom')");
        assertThat(cli.run("inquiry", "list", "--location", "Bygg C//Loftet"))
                .failedWith(2, "'Bygg C//Loftet' has an empty name between two '/'");
    }

    @Test
    void updateSetsAndClearsTheResponsiblePerson() {
        cli.create("contact", "add", "--name", "Per Vaktmester", "--role", "staff");
        cli.create("location", "add", "Bygg A/Kontor 204");

        assertThat(cli.run("location", "update", "Kontor 204", "--responsible", "Per")).succeeded()
                .printed("Location Bygg A/Kontor 204: responsible Per Vaktmester");
        assertThat(locations().get(1).at("/responsible/name").asText()).isEqualTo("Per Vaktmester");

        assertThat(cli.run("location", "update", "Kontor 204", "--responsible", "none")).succeeded();
        assertThat(locations().get(1).get("responsible").isNull()).isTrue();
    }

    @Test
    void aTenantCannotBeResponsible() {
        cli.create("contact", "add", "--name", "Kari Nordmann");

        assertThat(cli.run("location", "add", "Bygg A", "--responsible", "Kari")).failedWith(2, "is a tenant");
        assertThat(locations()).isEmpty();
    }

    @Test
    void listIsATreeWithResponsiblePeopleAndOpenInquiriesCountedUpTheTree() {
        cli.create("contact", "add", "--name", "Per Vaktmester", "--role", "staff");
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.create("location", "add", "Bygg B", "--responsible", "Per");
        cli.create("inquiry", "create", "--title", "En", "--location", "Kontor 204");
        cli.create("inquiry", "create", "--title", "To", "--location", "Kontor 204");
        long done = cli.create("inquiry", "create", "--title", "Ferdig", "--location", "Kontor 204");
        cli.run("status", String.valueOf(done), "done");

        CommandResult result = cli.run("location", "list");

        assertThat(result).succeeded();
        assertThat(result.out().lines().map(String::stripTrailing).toList()).containsExactly(
                "LOCATION        RESPONSIBLE     OPEN",
                "Bygg A          -               2",
                "  2. etasje     -               2",
                "    Kontor 204  -               2",
                "Bygg B          Per Vaktmester  0");
        assertThat(locations()).extracting(l -> l.get("path").asText(), l -> l.get("openInquiries").asLong())
                .contains(tuple("Bygg A/2. etasje/Kontor 204", 2L));
    }

    @Test
    void childrenAreListedUnderTheirOwnParentEvenWhenANeighbourSortsBetween() {
        cli.create("location", "add", "Bygg A/Kjeller");
        cli.create("location", "add", "Bygg A-fløy/Lager");

        assertThat(locations()).extracting(l -> l.get("path").asText())
                .containsExactly("Bygg A", "Bygg A/Kjeller", "Bygg A-fløy", "Bygg A-fløy/Lager");
    }

    @Test
    void anEmptyListSaysHowToAddAPlace() {
        CommandResult result = cli.run("location", "list");

        assertThat(result).succeeded();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("tenantdesk location add");
        assertThat(locations()).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(List.of()));
    }
}
