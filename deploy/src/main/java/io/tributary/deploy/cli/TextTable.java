package io.tributary.deploy.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows under headers, each column as wide as its widest cell, two spaces apart; an absent value prints as "-". */
final class TextTable {

    private static final String ABSENT = "-";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + columns + " cells expected, got " + cells.length);
        }
        String[] row = Arrays.stream(cells).map(cell -> cell == null || cell.isEmpty() ? ABSENT : cell)
                .toArray(String[]::new);
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
