package org.understudy.succession.persistence;

import org.understudy.succession.domain.MemoryViewStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Rows in PostgreSQL's COPY text format: fields separated by tabs, rows ended by a newline, null as
 * {@code \N}, backslash, tab and line breaks escaped. Instants are written to the microsecond as the
 * JDBC driver would send them, so that a bulk-written view stores what the live path stores.
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
                instant(MemoryViewStore.Micros.round(t).withOffsetSameInstant(ZoneOffset.UTC));
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

    /**
     * A UTC instant as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, written by hand: a rebuild writes one per
     * applied event and history row, and the formatter was most of the cost of each. Years outside
     * 0-9999 go through the formatter.
     */
    private void instant(OffsetDateTime utc) throws IOException {
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            out.write(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(utc));
            return;
        }
        char[] c = new char[27];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, utc.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, utc.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, utc.getHour(), 2);
        c[13] = ':';
        put(c, 14, utc.getMinute(), 2);
        c[16] = ':';
        put(c, 17, utc.getSecond(), 2);
        c[19] = '.';
        put(c, 20, utc.getNano() / 1000, 6);
        c[26] = 'Z';
        out.write(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
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
