package no.tenantdesk.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for people: a header, left-aligned columns two spaces apart, fitted to the terminal's width by cutting
 * the columns marked as flexible (titles, names) with an ellipsis. An optional column is shown only where it fits:
 * it is left out when every cell of it is empty, or when keeping it would cut another flexible column below twice
 * that column's least width. Every cell is made terminal-safe; a {@link Palette.Styled} cell keeps its colour, which
 * does not count towards the width.
 */
public final class Table {

    private record Column(String header, boolean flexible, int minWidth, boolean optional) {}

    private final List<Column> columns = new ArrayList<>();
    private final List<Palette.Styled[]> rows = new ArrayList<>();

    public Table column(String header) {
        columns.add(new Column(header, false, header.length(), false));
        return this;
    }

    /** A column that gives up width first when the table is too wide, down to {@code minWidth}. */
    public Table flexible(String header, int minWidth) {
        columns.add(new Column(header, true, Math.max(minWidth, 3), false));
        return this;
    }

    /** A flexible column that is left out where it does not fit (see above), rather than crowd the others. */
    public Table optional(String header, int minWidth) {
        columns.add(new Column(header, true, Math.max(minWidth, 3), true));
        return this;
    }

    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells)
                .map(c -> c instanceof Palette.Styled styled ? styled
                        : new Palette.Styled(c == null ? "" : String.valueOf(c), null))
                .toArray(Palette.Styled[]::new));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out, int width) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
            for (Palette.Styled[] row : rows) {
                widths[i] = Math.max(widths[i], length(row[i].text()));
            }
        }
        boolean[] shown = shown(widths, width);
        fit(widths, shown, width, false);
        out.println(format(columns.stream().map(c -> new Palette.Styled(c.header(), null))
                .toArray(Palette.Styled[]::new), widths, shown));
        for (Palette.Styled[] row : rows) {
            out.println(format(row, widths, shown));
        }
    }

    /** Every column but the optional ones that are empty, or that only fit by crowding the others. */
    private boolean[] shown(int[] widths, int width) {
        boolean[] shown = new boolean[columns.size()];
        boolean optional = false;
        for (int i = 0; i < shown.length; i++) {
            Column column = columns.get(i);
            int index = i;
            shown[i] = !column.optional() || rows.stream().anyMatch(row -> !row[index].text().isEmpty());
            optional |= column.optional() && shown[i];
        }
        if (optional && !fit(widths.clone(), shown, width, true)) {
            for (int i = 0; i < shown.length; i++) {
                shown[i] &= !columns.get(i).optional();
            }
        }
        return shown;
    }

    /**
     * Takes width from the widest flexible column, one character at a time, until the table fits; {@code roomy}: none
     * of the others below twice its least width. Returns whether it fits.
     */
    private boolean fit(int[] widths, boolean[] shown, int width, boolean roomy) {
        int total = -2;
        for (int i = 0; i < widths.length; i++) {
            total += shown[i] ? widths[i] + 2 : 0;
        }
        while (total > width) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                Column column = columns.get(i);
                int least = roomy && !column.optional() ? 2 * column.minWidth() : column.minWidth();
                if (shown[i] && column.flexible() && widths[i] > least
                        && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return false; // nothing left to cut: let the terminal wrap
            }
            widths[widest]--;
            total--;
        }
        return true;
    }

    private static String format(Palette.Styled[] cells, int[] widths, boolean[] shown) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (!shown[i]) {
                continue;
            }
            String cell = cut(cells[i].text(), widths[i]);
            line.append(cells[i].paint(cell)).append(" ".repeat(widths[i] - length(cell) + 2));
        }
        return line.toString().stripTrailing();
    }

    static String cut(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, width - 1))) + "…";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
