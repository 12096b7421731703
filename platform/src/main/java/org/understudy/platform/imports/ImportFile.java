package org.understudy.platform.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.understudy.platform.problem.ApiProblem;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an import file into rows of values by column. CSV: a header row naming the columns (as the
 * JSON fields are named), an empty cell for no value, a list's items separated by {@code ;}. NDJSON:
 * one JSON object per line, blank lines skipped. A column the kind does not have is refused for the
 * whole file (400 naming it); a row that cannot be read is a problem of its own. Each row is handed on
 * as it is read, so that a large file's rows are never all held as JSON trees at once.
 */
final class ImportFile {
    static final String LIST_SEPARATOR = ";";
    private static final CsvMapper CSV = new CsvMapper();

    private ImportFile() {
    }

    /**
     * @param columns     the kind's columns
     * @param listColumns those of them that hold lists
     * @param each        what a row read becomes (kept, in the file's order)
     */
    static <T> List<T> read(byte[] body, ImportFormat format, ObjectMapper json, Set<String> columns, Set<String> listColumns,
                            Function<ParsedRow, T> each) {
        try {
            return format == ImportFormat.CSV ? csv(body, columns, listColumns, each) : ndjson(body, json, columns, each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> csv(byte[] body, Set<String> columns, Set<String> listColumns, Function<ParsedRow, T> each)
            throws IOException {
        List<T> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema).readValues(body)) {
            boolean headerChecked = false;
            while (true) {
                JsonLocation before = it.getCurrentLocation();
                Map<String, String> record;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    if (!headerChecked) {
                        checkHeader((CsvSchema) it.getParserSchema(), columns);
                        headerChecked = true;
                    }
                    record = it.nextValue();
                } catch (JsonProcessingException e) {
                    long line = Math.max(2, e.getLocation() == null ? before.getLineNr() : e.getLocation().getLineNr());
                    rows.add(each.apply(new ParsedRow(line, null, new RowProblem(line, null, null, "the row cannot be read as CSV: "
                            + e.getOriginalMessage()))));
                    break; // the parser cannot find the next row after a broken one
                }
                long line = Math.max(2, before.getLineNr() + (before.getColumnNr() > 1 ? 1 : 0));
                ObjectNode values = JsonNodeFactory.instance.objectNode();
                record.forEach((column, text) -> {
                    if (text == null || text.isBlank()) {
                        return;
                    }
                    if (listColumns.contains(column)) {
                        ArrayNode items = values.putArray(column);
                        for (String item : text.split(LIST_SEPARATOR)) {
                            if (!item.isBlank()) {
                                items.add(item.strip());
                            }
                        }
                    } else {
                        values.put(column, text.strip());
                    }
                });
                rows.add(each.apply(new ParsedRow(line, values, null)));
            }
        }
        return rows;
    }

    private static void checkHeader(CsvSchema header, Set<String> columns) {
        Set<String> seen = new LinkedHashSet<>();
        for (Iterator<CsvSchema.Column> it = header.iterator(); it.hasNext(); ) {
            String name = it.next().getName();
            if (!columns.contains(name)) {
                throw ApiProblem.badRequest(name, "unknown column '" + name + "'; the columns are " + String.join(", ", columns));
            }
            if (!seen.add(name)) {
                throw ApiProblem.badRequest(name, "column '" + name + "' appears twice in the header");
            }
        }
    }

    private static <T> List<T> ndjson(byte[] body, ObjectMapper json, Set<String> columns, Function<ParsedRow, T> each)
            throws IOException {
        List<T> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            long line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(text);
                } catch (JsonProcessingException e) {
                    rows.add(each.apply(new ParsedRow(line, null, new RowProblem(line, null, null, "the line is not valid JSON: " + e.getOriginalMessage()))));
                    continue;
                }
                if (!(node instanceof ObjectNode object)) {
                    rows.add(each.apply(new ParsedRow(line, null, new RowProblem(line, null, null, "the line is not a JSON object"))));
                    continue;
                }
                String unknown = null;
                for (Iterator<String> names = object.fieldNames(); names.hasNext() && unknown == null; ) {
                    String name = names.next();
                    unknown = columns.contains(name) ? null : name;
                }
                String key = object.path("key").isTextual() ? object.get("key").asText() : null;
                rows.add(each.apply(unknown == null ? new ParsedRow(line, object, null)
                        : new ParsedRow(line, null, new RowProblem(line, key, unknown,
                        "unknown field '" + unknown + "'; the fields are " + String.join(", ", columns)))));
            }
        }
        return rows;
    }
}
