package no.tenantdesk.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for people: a header, left-aligned columns two spaces apart, fitted to the terminal's width by cutting
 * the columns marked as flexible (titles, names) with an ellipsis. Every cell is made terminal-safe; a
 * {@link Palette.Styled} cell keeps its colour, which does not count towards the width.
 */
public final class Table {

    private record Column(String header, boolean flexible, int minWidth) {}

    private final List<Column> columns = new ArrayList<>();
    private final List<Palette.Styled[]> rows = new ArrayList<>();

    public Table column(String header) {
        columns.add(new Column(header, false, header.length()));
        return this;
    }

    /** A column that gives up width first when the table is too wide, down to {@code minWidth}. */
    public Table flexible(String header, int minWidth) {
        columns.add(new Column(header, true, Math.max(minWidth, 3)));
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
        fit(widths, width);
        out.println(format(columns.stream().map(c -> new Palette.Styled(c.header(), null))
                .toArray(Palette.Styled[]::new), widths));
        for (Palette.Styled[] row : rows) {
            out.println(format(row, widths));
        }
    }

    /** Takes width from the widest flexible column, one character at a time, until the table fits. */
    private void fit(int[] widths, int width) {
        int total = Arrays.stream(widths).sum() + 2 * (widths.length - 1);
        while (total > width) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                Column column = columns.get(i);
                if (column.flexible() && widths[i] > column.minWidth() && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return; // nothing left to cut: let the terminal wrap
            }
            widths[widest]--;
            total--;
        }
    }

    private static String format(Palette.Styled[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cut(cells[i].text(), widths[i]);
            line.append(cells[i].paint(cell));
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - length(cell) + 2));
            }
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
