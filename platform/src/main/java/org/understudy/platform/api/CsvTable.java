package org.understudy.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table written as RFC 4180 CSV (header row, CRLF line ends, quoted where needed) by Jackson's CSV
 * module, safe to open in a spreadsheet: a text cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is written with a leading {@code '}, as OWASP recommends against
 * CSV injection, so it is shown as text and never run as a formula. Numbers and booleans are written as
 * they are (a negative number is a number, not a formula); any other value as its {@code toString()};
 * null as an empty cell.
 */
public final class CsvTable {
    /** Quotes a cell only when it holds a comma, a quote or a line break (not merely a space). */
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final List<String> columns;
    private final CsvSchema schema;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    public CsvTable(List<String> columns) {
        this.columns = List.copyOf(columns);
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n").setNullValue("");
        this.columns.forEach(builder::addColumn);
        this.schema = builder.build();
    }

    /** Adds a row: one value per column, in the columns' order. */
    public CsvTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columns.get(i), cell(values[i]));
        }
        rows.add(row);
        return this;
    }

    public String write() {
        try {
            return MAPPER.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as the cell to write: text that a spreadsheet would read as a formula gets a leading {@code '}. */
    static Object cell(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
