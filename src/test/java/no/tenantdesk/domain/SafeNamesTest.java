package no.tenantdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {

    static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ø", "e\u0301", "🏠", "👨\u200D👩\u200D👧", "🇳🇴"})
    void aLongNameIsCutInBytesBetweenTwoCharactersAndKeepsItsExtension(String character) {
        String name = "Fuktskade i kjelleren " + character.repeat(200) + ".jpeg";

        String safe = SafeNames.filename(name);

        assertThat(bytes(safe)).isLessThanOrEqualTo(SafeNames.NAME_BYTES).isGreaterThan(SafeNames.NAME_BYTES - 20);
        assertThat(safe).startsWith("Fuktskade i kjelleren " + character).endsWith(character + ".jpeg");
        String stem = safe.substring("Fuktskade i kjelleren ".length(), safe.length() - ".jpeg".length());
        assertThat(stem).isEqualTo(character.repeat(stem.length() / character.length()));
    }

    @Test
    void aNumberedNameStaysWithin255Bytes() {
        String safe = SafeNames.filename("Søknad om utbedring ".repeat(30) + ".jpg");

        assertThat(SafeNames.numbered("bilde.jpg", 1)).isEqualTo("bilde (1).jpg");
        assertThat(SafeNames.numbered("README", 12)).isEqualTo("README (12)");
        assertThat(SafeNames.numbered(safe, 1000)).endsWith(" (1000).jpg");
        assertThat(bytes(SafeNames.numbered(safe, 1000))).isLessThanOrEqualTo(SafeNames.MAX_BYTES);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CON          | _CON",
        "con.txt      | _con.txt",
        "NUL.tar.gz   | _NUL.tar.gz",
        "COM1.jpg     | _COM1.jpg",
        "lpt9         | _lpt9",
        "aux .pdf     | _aux .pdf",
        "CONTRACT.pdf | CONTRACT.pdf",
        "'rapport. . .' | rapport",
        "'bilde.jpg.  ' | bilde.jpg",
        "../../etc/passwd | passwd",
        "'...'        | attachment",
        "'\u202Egnp.exe' | gnp.exe",
    })
    void namesWindowsWouldRefuseOrMisreadAreMadeSafe(String name, String safe) {
        assertThat(SafeNames.filename(name)).isEqualTo(safe);
    }
}
