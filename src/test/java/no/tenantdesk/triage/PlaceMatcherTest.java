package no.tenantdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceMatcherTest {

    private final PlaceMatcher places = new PlaceMatcher(List.of(
            new PlaceMatcher.Place(1, null, "Bygg Å", List.of()),
            new PlaceMatcher.Place(2, 1L, "Bygg Å/Kjøkken", List.of("kantina")),
            new PlaceMatcher.Place(3, null, "Bygg B", List.of()),
            new PlaceMatcher.Place(4, 3L, "Bygg B/Kjøkken", List.of()),
            new PlaceMatcher.Place(5, null, "Bygg A-fløy", List.of())));

    private String found(String subject, String text) {
        PlaceMatcher.Found found = places.find(subject, text, List.of());
        return found == null ? null : found.path();
    }

    @Test
    void æøåMatchWhateverTheirCaseOrHowTheyAreComposed() {
        assertThat(found("Feil i BYGG å", "")).isEqualTo("Bygg Å");
        assertThat(found("Feil i bygg a\u030a", "")).isEqualTo("Bygg Å"); // "å" typed as a and a combining ring
        assertThat(found("Feil i bygg a", "")).isNull(); // a is not å
    }

    @Test
    void theMostSpecificPlaceWinsAndATieSetsNothing() {
        assertThat(found("Kjøkkenet", "")).isNull(); // not a whole word
        assertThat(found("Kjøkken", "")).isNull(); // two kitchens
        assertThat(found("Kjøkken i bygg B", "")).isEqualTo("Bygg B/Kjøkken");
        assertThat(found("Lekkasje", "i kantina")).isEqualTo("Bygg Å/Kjøkken");
        assertThat(places.find("Kjøkken", "", List.of(3L)).path()).isEqualTo("Bygg B/Kjøkken");
    }

    @Test
    void theLongestNameAtAWordWins() {
        assertThat(found("Bygg A-fløy", "")).isEqualTo("Bygg A-fløy");
    }

    @Test
    void theSubjectDecidesBeforeTheBody() {
        assertThat(found("Bygg B", "Jeg var i kantina i går")).isEqualTo("Bygg B");
    }

    @Test
    void aLongTextIsReadInOnePass() {
        String text = "bygg ".repeat(200_000) + "kantina";
        assertThat(found("", text)).isEqualTo("Bygg Å/Kjøkken");
    }
}
