package org.understudy.seed;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too), fields
 * that hold commas, quotes or line breaks enclosed in double quotes, a quote inside one doubled.
 * Each record carries the physical line it starts on, so that a bad row can be reported by line.
 */
public final class CsvReader {
    /** One record: the line it starts on (from 1) and its fields. */
    public record Record(int line, List<String> fields) {
    }

    /** A syntax error (an unterminated quoted field, or text after a closing quote). */
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

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** Every record; blank lines are skipped, a leading byte-order mark is ignored. */
    public static List<Record> readAll(Reader in) throws IOException {
        CsvReader reader = new CsvReader(in);
        List<Record> records = new ArrayList<>();
        Record record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        return records;
    }

    /** The next record, or null at the end. */
    public Record next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\uFEFF' && line == 1) {
                continue;
            }
            if (c == '\r' || c == '\n') {
                endOfLine(c);
                continue; // a blank line
            }
            unread(c);
            return record();
        }
    }

    private Record record() throws IOException {
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false; // the closing quote of a quoted field was read
        boolean fieldStart = true;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new CsvSyntaxException(start, "a quoted field is not closed");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        unread(d);
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\r' || c == '\n') {
                        endOfLine(c);
                        field.append('\n');
                    } else {
                        field.append((char) c);
                    }
                }
                continue;
            }
            if (c == -1 || c == '\r' || c == '\n') {
                if (c != -1) {
                    endOfLine(c);
                }
                fields.add(field.toString());
                return new Record(start, List.copyOf(fields));
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
                continue;
            }
            if (afterQuote) {
                throw new CsvSyntaxException(line, "text after the closing quote of a field");
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                continue;
            }
            field.append((char) c);
            fieldStart = false;
        }
    }

    /** Consumes the LF of a CRLF pair and counts the line. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                unread(d);
            }
        }
        line++;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
