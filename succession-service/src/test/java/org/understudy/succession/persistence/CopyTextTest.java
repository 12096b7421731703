package org.understudy.succession.persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringWriter;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyTextTest {

    /** Instants are written in UTC to the microsecond, rounded half up as the JDBC driver sends them. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-27T05:14:01.988622904Z, 2026-11-27T05:14:01.988623Z",
            "2026-11-27T05:14:01.988622499Z, 2026-11-27T05:14:01.988622Z",
            "2026-11-27T05:14:01Z, 2026-11-27T05:14:01.000000Z",
            "2026-11-27T05:14:01.5+01:00, 2026-11-27T04:14:01.500000Z",
            "2026-12-31T23:59:59.9999996Z, 2027-01-01T00:00:00.000000Z",
            "0001-01-01T00:00:00-05:30, 0001-01-01T05:30:00.000000Z",
            "+10000-01-01T00:00:00Z, +10000-01-01T00:00:00Z"})
    void instants(String value, String written) {
        StringWriter out = new StringWriter();
        new CopyText(out).field(OffsetDateTime.parse(value)).end();
        assertEquals(written + "\n", out.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain|plain",
            "tab\there|tab\\there",
            "back\\slash|back\\\\slash"})
    void textIsEscaped(String value, String written) {
        StringWriter out = new StringWriter();
        new CopyText(out).field(value).field(null).end();
        assertEquals(written + "\t\\N\n", out.toString());
    }
}
