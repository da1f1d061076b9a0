package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void idsAreFoundAmongCommentsCommasAndMissingBrackets() {
        assertThat(MessageIds.all(new String[] {
            "<a@x.no>,<b@x.no> c@x.no (Kari's message of <not@an.id>)\r\n\t<d@x.no> junk <>", "<a@x.no>"}))
                .containsExactly("a@x.no", "b@x.no", "c@x.no", "d@x.no");
        assertThat(MessageIds.all(null)).isEmpty();
    }

    @Test
    void messageIdWithoutBracketsOrAtIsKeptAsWritten() {
        assertThat(MessageIds.first(new String[] {"  <kari.204@example.no> "})).isEqualTo("kari.204@example.no");
        assertThat(MessageIds.first(new String[] {"20260303091500.12345"})).isEqualTo("20260303091500.12345");
        assertThat(MessageIds.first(new String[] {"  "})).isNull();
        assertThat(MessageIds.first(null)).isNull();
    }
}
