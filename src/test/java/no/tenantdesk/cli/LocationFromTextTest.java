package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a mail's inquiry lands: the place named in its words, else the requester's, else the organization's. */
class LocationFromTextTest {

    @TempDir
    Path folder;

    Cli cli;

    int sent;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        for (String path : new String[] {"Bygg A/1. etasje/Butikk 101", "Bygg A/3. etasje", "Bygg B/3. etasje",
                "Bygg C/Kontor 204"}) {
            assertThat(cli.run("location", "add", path)).succeeded();
        }
    }

    /** The new inquiry a mail made, as show --json prints it. */
    private JsonNode file(String from, String subject, String body) {
        String mail = OrgCommandTest.mail(from, subject, body).replace("@test>", "." + sent++ + "@test>");
        JsonNode run = cli.runWithInput(mail, "fetch-mail", "--source", "-", "--json").json();
        long id = run.at("/messages/0/inquiryId").asLong();
        return cli.run("inquiry", "show", String.valueOf(id), "--json").json();
    }

    private static String path(JsonNode inquiry) {
        return inquiry.at("/location/path").asText(null);
    }

    @Test
    void theSubjectNamesTheBuildingInAnyCase() {
        JsonNode inquiry = file("Kari <kari@leietaker.example>", "Strømbrudd i bygg a", "Alt er mørkt.");

        assertThat(path(inquiry)).isEqualTo("Bygg A");
        assertThat(inquiry.get("locationFrom").asText()).isEqualTo("text");
        assertThat(inquiry.get("locationMatched").asText()).isEqualTo("bygg a");
    }

    @Test
    void aFloorAndABuildingInOneLineAreThePlaceUnderBoth() {
        JsonNode inquiry = file("Kari <kari@leietaker.example>", "Støy fra ventilasjonen i 3. etasje, Bygg B", "");

        assertThat(path(inquiry)).isEqualTo("Bygg B/3. etasje");
        assertThat(inquiry.get("locationMatched").asText()).isEqualTo("Bygg B, 3. etasje");
        assertThat(cli.run("inquiry", "show", inquiry.get("id").asText())).succeeded()
                .printed("Bygg B/3. etasje (from text: \"Bygg B, 3. etasje\")");
    }

    @Test
    void aFloorThatTwoBuildingsHaveIsAmbiguousAndSetsNothing() {
        JsonNode inquiry = file("Kari <kari@leietaker.example>", "Støy i 3. etasje", "Det durer hele dagen.");

        assertThat(inquiry.get("location").isNull()).isTrue();
        assertThat(inquiry.get("locationFrom").isNull()).isTrue();
    }

    @Test
    void onlyWholeWordsMatchAndTheBodyIsReadWhenTheSubjectSaysNothing() {
        JsonNode partial = file("Kari <kari@leietaker.example>", "Bygg Ab har nytt skilt", "");
        assertThat(partial.get("location").isNull()).isTrue();

        JsonNode body = file("Ola <ola@leietaker.example>", "Lekkasje",
                "Det drypper fra taket på kontor 204.\n\nMvh\nOla\nBygg A, 1. etasje");
        assertThat(path(body)).isEqualTo("Bygg C/Kontor 204"); // the signature's Bygg A is the sender's, not the matter's
    }

    @Test
    void anAliasNamesItsPlaceAndAnAliasThatIsAnotherPlacesNameIsRefused() {
        assertThat(cli.run("location", "update", "Bygg A/1. etasje/Butikk 101", "--alias", "kafeen", "--alias",
                "Kafé Solsiden")).succeeded().printed("also called kafeen, Kafé Solsiden");
        assertThat(cli.run("location", "update", "Bygg B/3. etasje", "--alias", "Kontor 204"))
                .failedWith(2, "alias 'Kontor 204' is the name of location 'Bygg C/Kontor 204'");
        assertThat(cli.run("location", "update", "Bygg B/3. etasje", "--alias", "KAFEEN"))
                .failedWith(2, "alias 'KAFEEN' belongs to location 'Bygg A/1. etasje/Butikk 101' already");
        assertThat(cli.run("location", "list")).succeeded().printed("kafeen, Kafé Solsiden");
        // The other way round: a new place named like an alias, itself or a place made above it on the way.
        assertThat(cli.run("location", "add", "Bygg D/Kafeen")).failedWith(2, "'Kafeen' is an alias of location"
                + " 'Bygg A/1. etasje/Butikk 101'; a place must be named unlike every alias (or remove it first:"
                + " tenantdesk location update 'Bygg A/1. etasje/Butikk 101' --remove-alias 'kafeen')");
        assertThat(cli.run("location", "add", "kafé solsiden/Lager")).failedWith(2, "'kafé solsiden' is an alias");
        assertThat(cli.run("location", "list", "--json").json().findValuesAsText("path"))
                .noneMatch(path -> path.startsWith("Bygg D") || path.startsWith("kafé")); // nothing half-made

        JsonNode inquiry = file("Kari <kari@leietaker.example>", "Vannlekkasje i kafeen", "");

        assertThat(path(inquiry)).isEqualTo("Bygg A/1. etasje/Butikk 101");
        assertThat(inquiry.get("locationMatched").asText()).isEqualTo("kafeen");
        assertThat(cli.run("location", "update", "Bygg A/1. etasje/Butikk 101", "--remove-alias", "Kafeen"))
                .succeeded();
        assertThat(cli.run("location", "list", "--json").json().findValues("aliases"))
                .anySatisfy(a -> assertThat(a).extracting(JsonNode::asText).containsExactly("Kafé Solsiden"));
    }

    @Test
    void withoutWordsForAPlaceTheRequestersThenTheOrganizationsOnlyPremisesServe() {
        cli.run("contact", "add", "--name", "Kari", "--email", "kari@leietaker.example", "--location",
                "Bygg C/Kontor 204");
        cli.run("org", "add", "Solsiden", "--domain", "solsiden.no", "--location", "Bygg A/1. etasje/Butikk 101");

        JsonNode requester = file("Kari <kari@leietaker.example>", "Nøkkel", "Mistet nøkkelen.");
        assertThat(path(requester)).isEqualTo("Bygg C/Kontor 204");
        assertThat(requester.get("locationFrom").asText()).isEqualTo("requester");

        JsonNode organization = file("Nils <nils@solsiden.no>", "Kaffemaskinen", "Den lekker.");
        assertThat(path(organization)).isEqualTo("Bygg A/1. etasje/Butikk 101");
        assertThat(organization.get("locationFrom").asText()).isEqualTo("organization");
        assertThat(organization.get("locationMatched").asText()).isEqualTo("Solsiden");
    }

    @Test
    void theOrganizationsPremisesBreakATieBetweenPlacesOfTheSameName() {
        cli.run("org", "add", "Solsiden", "--domain", "solsiden.no", "--location", "Bygg B/3. etasje",
                "--location", "Bygg C/Kontor 204");

        JsonNode inquiry = file("Nils <nils@solsiden.no>", "Støy i 3. etasje", "");

        assertThat(path(inquiry)).isEqualTo("Bygg B/3. etasje");
        assertThat(inquiry.get("locationFrom").asText()).isEqualTo("text");
    }

    @Test
    void anOperatorsChangeWins() {
        JsonNode inquiry = file("Kari <kari@leietaker.example>", "Strømbrudd i bygg a", "");

        assertThat(cli.run("inquiry", "update", inquiry.get("id").asText(), "--location", "Bygg B")).succeeded();

        JsonNode changed = cli.run("inquiry", "show", inquiry.get("id").asText(), "--json").json();
        assertThat(path(changed)).isEqualTo("Bygg B");
        assertThat(changed.get("locationFrom").asText()).isEqualTo("operator");
        assertThat(cli.run("inquiry", "create", "--title", "Telefon", "--location", "Bygg A", "--json").json()
                .get("locationFrom").asText()).isEqualTo("operator");
    }
}
