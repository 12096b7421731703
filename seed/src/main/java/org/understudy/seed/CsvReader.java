package org.understudy.seed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV with Jackson's CSV module: fields separated by commas, records by CRLF or LF (a
 * lone CR too), fields that hold commas, quotes or line breaks enclosed in double quotes, a quote inside
 * one doubled. Each record carries the physical line it starts on, so that a bad row can be reported by
 * line.
 */
public final class CsvReader {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** One record: the line it starts on (from 1) and its fields. */
    public record Record(int line, List<String> fields) {
    }

    /** A syntax error (an unterminated quoted field, or text after a closing quote), naming the line its record starts on. */
    public static final class CsvSyntaxException extends IOException {
        private final int line;

        CsvSyntaxException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CsvReader() {
    }

    /** Every record; blank lines are skipped (and counted), a leading byte-order mark is ignored. */
    public static List<Record> readAll(Reader in) throws IOException {
        List<Record> records = new ArrayList<>();
        int start = 1;
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).readValues(withoutByteOrderMark(in))) {
            JsonParser parser = rows.getParser();
            while (true) {
                start = parser.currentLocation().getLineNr(); // where the next record starts, blank lines passed
                if (!rows.hasNextValue()) {
                    return records;
                }
                records.add(new Record(start, List.of(rows.nextValue())));
            }
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage();
            throw new CsvSyntaxException(start, problem.startsWith("Missing closing quote") ? "a quoted field is not closed" : problem);
        }
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
