package no.tenantdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Lek\u001b[31mkasje\u001b[0m",          // colour (CSI)
        "Lek\u001b[2J\u001b[Hkasje",             // clear screen, cursor home
        "Lek\u001b]0;evil\u0007kasje",           // window title (OSC ended by BEL)
        "Lek\u001b]8;;http://x\u001b\\kasje",    // hyperlink (OSC ended by ST)
        "Lek\u009b31mkasje",                     // 8-bit CSI
        "Lek\u009d0;evil\u009ckasje",            // 8-bit OSC
        "Lek\u001bPq#0\u001b\\kasje",            // DCS string
        "Lek\u0000\u0008\u007fkasje",            // C0 controls and DEL
        "Lek\u0085\u008ekasje",                  // C1 controls
        "Lek\u202ekasje\u2066\u2069\u200f",      // bidirectional overrides and marks
    })
    void escapeSequencesControlsAndBidiOverridesAreRemovedWhole(String hostile) {
        assertThat(TerminalText.line(hostile)).isEqualTo("Lekkasje");
    }

    @Test
    void aLineTurnsBreaksAndTabsIntoSpaces() {
        assertThat(TerminalText.line("to\nlinjer\tog\r\nmer")).isEqualTo("to linjer og mer");
    }

    @Test
    void aBlockKeepsLineBreaksAndExpandsTabs() {
        assertThat(TerminalText.block("  første\r\nandre\tkolonne\u001b[1m\n")).isEqualTo("første\nandre    kolonne");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Ærlig talt: ØDELAGT lås på kontor 204 — «haster» 🔧";

        assertThat(TerminalText.line(text)).isEqualTo(text);
    }

    @Test
    void nothingBecomesEmpty() {
        assertThat(TerminalText.line(null)).isEmpty();
        assertThat(TerminalText.block(null)).isEmpty();
    }
}
