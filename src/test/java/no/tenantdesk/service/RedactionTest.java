package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private final Redaction kari = Redaction.of(12, "Kari Nordmann", "Kari.Nordmann@Leietaker.example",
            "+47 912 34 567");

    @Test
    void theNameInAnyCaseAndSpacingTheAddressAndTheNumberHoweverWrittenBecomeTheMarker() {
        assertThat(kari.apply("Hilsen KARI  nordmann\n(kari.nordmann@leietaker.example), tlf 912 34 567 / 91234567"
                + " / +4791234567 / 912-34-567"))
                .isEqualTo("Hilsen [slettet kontakt #12]\n([slettet kontakt #12]), tlf [slettet kontakt #12] /"
                        + " [slettet kontakt #12] / [slettet kontakt #12] / [slettet kontakt #12]");
        assertThat(kari.apply("kari-nordmann-tak.jpg")).isEqualTo("[slettet kontakt #12]-tak.jpg");
    }

    @Test
    void otherPeopleAndLongerNumbersAreLeftAlone() {
        String text = "Kari Hansen ringte fra 1912345678 om Nordmannsgata? Nei, Ola.";
        assertThat(kari.apply(text)).isEqualTo(text);
        assertThat(kari.apply(null)).isNull();
    }

    @Test
    void aContactWithoutDetailsChangesNothingButItsName() {
        Redaction bare = Redaction.of(3, "Ola", null, null);
        assertThat(bare.apply("Ola ringte, 91234567")).isEqualTo("[slettet kontakt #3] ringte, 91234567");
    }
}
