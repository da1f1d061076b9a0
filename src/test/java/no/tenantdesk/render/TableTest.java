package no.tenantdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static List<String> print(Table table, int width) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        table.print(writer, width);
        writer.flush();
        return out.toString().lines().toList();
    }

    private static Table inquiries() {
        return new Table().column("ID").flexible("TITLE", 8).flexible("TENANT", 6).column("CREATED")
                .row(1, "Lekkasje fra taket i andre etasje over kontor 204", "Kari Nordmann", "2026-11-27")
                .row(12, "Kaldt", "Ola", "2026-11-28");
    }

    @Test
    void columnsAreLeftAlignedTwoSpacesApart() {
        assertThat(print(new Table().column("ID").column("NAME").row(1, "Kari").row(12, "Ola"), 80))
                .containsExactly("ID  NAME", "1   Kari", "12  Ola");
    }

    @Test
    void flexibleColumnsAreCutWithAnEllipsisToFitTheWidth() {
        List<String> lines = print(inquiries(), 50);

        assertThat(lines).allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(50));
        assertThat(lines.get(1)).contains("…").contains("2026-11-27").startsWith("1   Lekkasje");
        assertThat(lines.get(2)).contains("Kaldt", "Ola", "2026-11-28");
    }

    @Test
    void theWidestFlexibleColumnGivesWayFirst() {
        List<String> lines = print(inquiries(), 60);

        assertThat(lines.get(1)).contains("Kari Nordmann").contains("…");
    }

    @Test
    void fixedColumnsAreNeverCutEvenWhenTheTableCannotFit() {
        List<String> lines = print(inquiries(), 20);

        assertThat(lines.get(1)).contains("2026-11-27");
        assertThat(lines.get(0)).contains("TITLE", "TENANT");
    }

    @Test
    void aWideEnoughTableIsNotCut() {
        assertThat(print(inquiries(), 200)).noneMatch(line -> line.contains("…"));
    }

    private static Table withOrganizations(String firstOrganization) {
        return new Table().column("ID").flexible("TITLE", 8).flexible("TENANT", 6).optional("ORG", 6)
                .column("CREATED")
                .row(1, "Lekkasje fra taket i andre etasje", "Kari Nordmann", firstOrganization, "2026-11-27")
                .row(12, "Kaldt", "Ola", "", "2026-11-28");
    }

    @Test
    void anOptionalColumnIsShownWhereItFits() {
        assertThat(print(withOrganizations("Bakeriet AS"), 200)).containsExactly(
                "ID  TITLE                              TENANT         ORG          CREATED",
                "1   Lekkasje fra taket i andre etasje  Kari Nordmann  Bakeriet AS  2026-11-27",
                "12  Kaldt                              Ola                         2026-11-28");
    }

    @Test
    void anOptionalColumnMayBeCutButNotCrowdTheOthersBelowTwiceTheirLeastWidth() {
        // 8 × 2 for the title, 6 × 2 for the tenant, 6 for ORG at the least: 2 + 16 + 12 + 6 + 10 + 4 gaps = 54.
        assertThat(print(withOrganizations("Bakeriet AS"), 54).get(0)).contains("ORG");
        List<String> narrow = print(withOrganizations("Bakeriet AS"), 53);

        assertThat(narrow.get(0)).doesNotContain("ORG");
        assertThat(narrow.get(1)).doesNotContain("Bakeriet").contains("Kari Nordmann");
    }

    @Test
    void anOptionalColumnWithNothingInItIsLeftOut() {
        assertThat(print(withOrganizations(""), 200).get(0)).isEqualTo("ID  TITLE                              TENANT"
                + "         CREATED");
    }

    @Test
    void cellsAreMadeTerminalSafe() {
        List<String> lines = print(new Table().column("NAME").row("Kari\u001b[31m\u001b]0;evil\u0007"), 80);

        assertThat(lines.get(1)).isEqualTo("Kari");
    }

    @Test
    void cutCountsCodePointsNotChars() {
        assertThat(Table.cut("🔧🔧🔧🔧", 3)).isEqualTo("🔧🔧…");
        assertThat(Table.cut("kort", 10)).isEqualTo("kort");
    }
}
