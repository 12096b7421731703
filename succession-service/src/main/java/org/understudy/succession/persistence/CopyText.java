package org.understudy.succession.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Rows in PostgreSQL's COPY text format: fields separated by tabs, rows ended by a newline, null as
 * {@code \N}, backslash, tab and line breaks escaped.
 */
public final class CopyText {
    private final Writer out;
    private boolean first = true;

    public CopyText(Writer out) {
        this.out = out;
    }

    public CopyText field(Object value) {
        try {
            if (!first) {
                out.write('\t');
            }
            first = false;
            if (value == null) {
                out.write("\\N");
            } else if (value instanceof Boolean b) {
                out.write(b ? 't' : 'f');
            } else if (value instanceof Enum<?> e) {
                out.write(e.name());
            } else if (value instanceof OffsetDateTime t) {
                out.write(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
            } else if (value instanceof String s) {
                escaped(s);
            } else {
                out.write(value.toString()); // numbers, uuids, dates: nothing to escape
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CopyText fields(Object... values) {
        for (Object v : values) {
            field(v);
        }
        return this;
    }

    /** Ends the row. */
    public void end() {
        try {
            out.write('\n');
            first = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void escaped(String s) throws IOException {
        if (plain(s)) {
            out.write(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
