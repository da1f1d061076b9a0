package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsAreSeparatedByABlankLineAndBreaksByALineEnd() {
        assertThat(HtmlText.toText("<p>Hei,</p><p>Det er for kaldt<br>på kontoret.</p>"))
                .isEqualTo("Hei,\n\nDet er for kaldt\npå kontoret.");
    }

    @Test
    void gmailDivsAreLinesAndAnEmptyDivIsABlankLine() {
        assertThat(HtmlText.toText("<div>Hei,</div><div><br></div><div>Heisen står.</div><div>Per</div>"))
                .isEqualTo("Hei,\n\nHeisen står.\nPer");
    }

    @Test
    void whitespaceCollapsesAndEntitiesAreDecoded() {
        assertThat(HtmlText.toText("<p>  Str&oslash;ing\n   p&aring;&nbsp;&nbsp;parkeringsplassen &amp; \t"
                + "inngangen &#8211; n&aring;  </p>"))
                .isEqualTo("Strøing på parkeringsplassen & inngangen – nå");
    }

    @Test
    void headScriptAndStyleAreDropped() {
        assertThat(HtmlText.toText("<html><head><title>Tittel</title><style>p{color:red}</style></head>"
                + "<body><script>document.write('x')</script><p>Bare dette.</p><noscript>nei</noscript></body></html>"))
                .isEqualTo("Bare dette.");
    }

    @Test
    void listItemsGetADashAndNestedOnesAreIndented() {
        assertThat(HtmlText.toText("<p>Feil:</p><ul><li>Heis 1</li><li>Heis 2<ul><li>dør</li></ul></li></ul><p>Slutt</p>"))
                .isEqualTo("Feil:\n\n- Heis 1\n- Heis 2\n  - dør\n\nSlutt");
    }

    @Test
    void linksShowTheirAddressOnlyWhenItIsNotTheirText() {
        assertThat(HtmlText.toText("<p>Se <a href=\"https://drift.example.no/sak/42\">saken</a>, "
                + "<a href=\"https://drift.example.no/\">drift.example.no</a>, "
                + "<a href=\"mailto:post@eiendom.example\">post@eiendom.example</a> og "
                + "<a href=\"#top\">toppen</a>.</p>"))
                .isEqualTo("Se saken (https://drift.example.no/sak/42), drift.example.no, post@eiendom.example og "
                        + "toppen.");
    }

    @Test
    void quotedRepliesAreMarked() {
        assertThat(HtmlText.toText("<div>Takk!</div><blockquote><p>Heisen er reparert.</p><p>Hilsen drift</p>"
                + "</blockquote>"))
                .isEqualTo("Takk!\n\n> Heisen er reparert.\n\n> Hilsen drift");
    }

    @Test
    void preformattedTextKeepsItsSpaces() {
        assertThat(HtmlText.toText("<pre>Rom   Temp\n204   16,5</pre>")).isEqualTo("Rom   Temp\n204   16,5");
    }

    @Test
    void tableCellsAreSeparatedAndRowsAreLines() {
        assertThat(HtmlText.toText("<table><tr><td>Rom</td><td>204</td></tr><tr><td>Temp</td><td>16</td></tr></table>"))
                .isEqualTo("Rom 204\nTemp 16");
    }

    @Test
    void imagesGiveTheirDescriptionOnly() {
        assertThat(HtmlText.toText("<p>Bilde: <img src=\"cid:a\" alt=\"Vann på gulvet\"><img src=\"cid:b\"></p>"))
                .isEqualTo("Bilde: Vann på gulvet");
    }

    @Test
    void aLinkedImageGivesItsDescriptionAndNoAddress() {
        assertThat(HtmlText.toText("<p>Hilsen<br><a href=\"https://drift.example.no\"><img alt=\"Drift AS\" src=x></a>"
                + " <a href=\"https://drift.example.no/kart\">kart</a></p>"))
                .isEqualTo("Hilsen\nDrift AS kart (https://drift.example.no/kart)");
    }

    @Test
    void anOutlookParagraphWithOnlyAnImageIsNoBlankLine() {
        assertThat(HtmlText.toText("<p class=MsoNormal>Hei<o:p></o:p></p><p class=MsoNormal><img src=x></p>"
                + "<p class=MsoNormal>&nbsp;</p><p class=MsoNormal>Per</p>"))
                .isEqualTo("Hei\n\nPer");
    }
}
