package com.orderengine.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table; numeric columns are right-aligned, and a '|' in a cell is escaped. */
public final class MarkdownTable {

    private final List<String> headers;
    private final List<Boolean> numeric;
    private final List<List<String>> rows = new ArrayList<>();

    private MarkdownTable(List<String> headers, List<Boolean> numeric) {
        this.headers = List.copyOf(headers);
        this.numeric = List.copyOf(numeric);
    }

    /** Headers ending in '#' are numeric columns (the '#' is not printed). */
    public static MarkdownTable of(String... headers) {
        List<String> names = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (String header : headers) {
            boolean isNumeric = header.endsWith("#");
            names.add(isNumeric ? header.substring(0, header.length() - 1) : header);
            numeric.add(isNumeric);
        }
        return new MarkdownTable(names, numeric);
    }

    public MarkdownTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, not " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : escape(cell.toString()));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, headers.stream().map(MarkdownTable::escape).toList());
        List<String> rule = new ArrayList<>();
        for (boolean isNumeric : numeric) {
            rule.add(isNumeric ? "---:" : "---");
        }
        line(out, rule);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    static String escape(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
