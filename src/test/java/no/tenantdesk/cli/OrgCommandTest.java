package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        assertThat(cli.run("location", "add", "Bygg A/1. etasje/Butikk 101")).succeeded();
        assertThat(cli.run("location", "add", "Bygg B/3. etasje")).succeeded();
    }

    static String mail(String from, String subject, String body) {
        return "From: " + from + "\r\nTo: drift@eiendom.example\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + Math.abs((from + subject).hashCode()) + "@test>\r\n"
                + "Date: Fri, 27 Nov 2026 08:00:00 +0100\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body
                + "\r\n";
    }

    @Test
    void anOrganizationHoldsItsDomainsPremisesAndPeople() {
        cli.run("contact", "add", "--name", "Kari Nordmann", "--email", "kari@solsiden.no");

        JsonNode org = cli.run("org", "add", "Kafé Solsiden AS", "--domain", "Solsiden.no", "--location",
                "Bygg A/1. etasje/Butikk 101", "--json").json();

        assertThat(org.get("name").asText()).isEqualTo("Kafé Solsiden AS");
        assertThat(org.get("domains")).extracting(JsonNode::asText).containsExactly("solsiden.no");
        assertThat(org.at("/premises/0/path").asText()).isEqualTo("Bygg A/1. etasje/Butikk 101");
        // Kari wrote from the domain before it was claimed: she belongs to it now.
        assertThat(org.at("/contacts/0/name").asText()).isEqualTo("Kari Nordmann");
        assertThat(cli.run("contact", "show", "kari@solsiden.no")).succeeded().printed("Kafé Solsiden AS");
        assertThat(cli.run("org", "list")).succeeded().printed("Kafé Solsiden AS", "solsiden.no", "Butikk 101");
        assertThat(cli.run("org", "show", "solsiden.no")).succeeded().printed("Organization 1: Kafé Solsiden AS",
                "Kari Nordmann <kari@solsiden.no>");
    }

    @Test
    void updateRenamesAndAddsAndRemovesDomainsAndPremises() {
        cli.run("org", "add", "Solsiden", "--domain", "solsiden.no");
        cli.run("contact", "add", "--name", "Ola", "--email", "ola@privat.example");

        assertThat(cli.run("org", "update", "solsiden", "--name", "Solsiden Drift AS", "--domain", "solsiden.com",
                "--remove-domain", "solsiden.no", "--location", "Bygg B/3. etasje", "--contact", "Ola")).succeeded();

        JsonNode org = cli.run("org", "show", "Solsiden Drift AS", "--json").json();
        assertThat(org.get("domains")).extracting(JsonNode::asText).containsExactly("solsiden.com");
        assertThat(org.at("/premises/0/path").asText()).isEqualTo("Bygg B/3. etasje");
        assertThat(org.at("/contacts/0/name").asText()).isEqualTo("Ola");
        assertThat(cli.run("org", "update", "1", "--remove-domain", "solsiden.no"))
                .failedWith(2, "has no domain solsiden.no");
    }

    @Test
    void aDomainBelongsToOneOrganizationAtMostAndNothingIsStoredOnRefusal() {
        cli.run("org", "add", "Solsiden", "--domain", "solsiden.no");

        assertThat(cli.run("org", "add", "Skyggen", "--domain", "skyggen.no", "--domain", "SOLSIDEN.no"))
                .failedWith(2, "domain solsiden.no belongs to organization Solsiden already");

        assertThat(cli.run("org", "list", "--json").json()).hasSize(1);
    }

    @Test
    void freeMailDomainsAreNoOrganizationsIncludingTheConfigsOwn() throws Exception {
        assertThat(cli.run("org", "add", "Kari AS", "--domain", "gmail.com"))
                .failedWith(2, "gmail.com is a free-mail domain");
        assertThat(cli.run("org", "add", "Kari AS", "--domain", "hotmail.no"))
                .failedWith(2, "hotmail.no is a free-mail domain");
        assertThat(cli.run("org", "add", "Kari AS", "--domain", "online.no"))
                .failedWith(2, "online.no is a free-mail domain");
        Path config = Files.writeString(folder.resolve("tenantdesk.yaml"),
                "mail:\n  free-mail-domains: [epost.example]\n");
        cli.env("TENANTDESK_CONFIG", config.toString());
        assertThat(cli.run("org", "add", "Kari AS", "--domain", "epost.example"))
                .failedWith(2, "epost.example is a free-mail domain");
        assertThat(cli.run("org", "add", "Kari AS", "--domain", "not a domain"))
                .failedWith(2, "'not a domain' is not a mail domain");
        assertThat(cli.run("org", "list", "--json").json()).isEmpty();
    }

    @Test
    void mailFromAnUnknownAddressAtItsDomainIsANewContactOfIt() {
        cli.run("org", "add", "Kafé Solsiden AS", "--domain", "solsiden.no");
        cli.run("org", "add", "Advokat Berg", "--domain", "berg.no");

        assertThat(cli.runWithInput(mail("Nils <nils@post.solsiden.no>", "Kaffemaskinen", "Lekker."),
                "fetch-mail", "--source", "-")).succeeded();
        assertThat(cli.runWithInput(mail("Per <per@gmail.com>", "Nøkkel", "Mistet nøkkel."),
                "fetch-mail", "--source", "-")).succeeded();

        JsonNode fromOrg = cli.run("inquiry", "list", "--org", "Solsiden", "--json").json();
        assertThat(fromOrg).hasSize(1);
        assertThat(fromOrg.at("/0/requester/organization/name").asText()).isEqualTo("Kafé Solsiden AS");
        assertThat(cli.run("inquiry", "list", "--org", "berg.no", "--json").json()).isEmpty();
        JsonNode all = cli.run("inquiry", "list", "--json").json();
        assertThat(all).hasSize(2);
        assertThat(all.findValues("requester")).anySatisfy(r -> assertThat(r.get("organization").isNull()).isTrue());
        String table = cli.run("inquiry", "list").out();
        assertThat(table.lines().findFirst().orElseThrow()).contains("TENANT", "ORG", "LOCATION");
        assertThat(table).contains("Kafé Solsiden AS");
        assertThat(cli.run("inquiry", "show", String.valueOf(fromOrg.at("/0/id").asLong())))
                .succeeded().printed("Org", "Kafé Solsiden AS");
        assertThat(cli.run("org", "show", "Solsiden", "--json").json().get("openInquiries").asLong()).isEqualTo(1);
    }

    @Test
    void aContactCanBeAddedToAnOrganization() {
        cli.run("org", "add", "Advokat Berg");

        JsonNode contact = cli.run("contact", "add", "--name", "Siri", "--email", "siri@gmail.com", "--org", "Berg",
                "--json").json();

        assertThat(contact.at("/organization/name").asText()).isEqualTo("Advokat Berg");
        assertThat(cli.run("contact", "add", "--name", "Tor", "--org", "Nobody"))
                .failedWith(2, "no organization matches 'Nobody'");
    }

    @Test
    void contactUpdateMovesSomeoneIntoAnOrganizationAndOut() {
        cli.run("org", "add", "Advokat Berg", "--domain", "berg.no");
        cli.run("contact", "add", "--name", "Siri", "--email", "siri@gmail.com");

        assertThat(cli.run("contact", "update", "Siri", "--org", "berg.no", "--phone", "99887766")).succeeded()
                .printed("Contact 1: Siri <siri@gmail.com>, Advokat Berg");
        JsonNode contact = cli.run("contact", "show", "Siri", "--json").json();
        assertThat(contact.at("/organization/name").asText()).isEqualTo("Advokat Berg");
        assertThat(contact.get("phone").asText()).isEqualTo("99887766");

        assertThat(cli.run("contact", "update", "Siri", "--org", "none")).succeeded();
        assertThat(cli.run("contact", "show", "Siri", "--json").json().get("organization").isNull()).isTrue();
        assertThat(cli.run("contact", "update", "Siri")).failedWith(2, "nothing to change");
    }
}
