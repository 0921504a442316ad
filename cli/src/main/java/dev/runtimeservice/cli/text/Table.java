package dev.runtimeservice.cli.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: a header and rows, each column as wide as its widest cell, numbers aligned right. */
public final class Table {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table with these column headers; a header that ends with {@code >} is a right-aligned column (the mark is
     * not printed).
     */
    public Table(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].endsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i]);
        }
    }

    /** Adds a row; it must have one cell per column. */
    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, not " + cells.length);
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** The table, one line per row after the header, each line ending with a newline. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (List<String> line : lines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                text.append(rightAligned[i] ? padding + cell : cell + padding);
                text.append(i < widths.length - 1 ? "  " : "");
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        lines.addAll(rows);
        return lines;
    }
}
