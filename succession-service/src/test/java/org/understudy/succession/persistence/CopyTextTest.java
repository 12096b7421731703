package org.understudy.succession.persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringWriter;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyTextTest {

    /** Each kind of value as PostgreSQL's COPY reads it: instants in ISO-8601 with their offset, booleans t/f, enums by name. */
    @org.junit.jupiter.api.Test
    void valuesAreWrittenAsCopyReadsThem() {
        StringWriter out = new StringWriter();
        new CopyText(out).fields(OffsetDateTime.parse("2026-11-27T05:14:01.5+01:00"), true, false,
                org.understudy.succession.domain.Replaceability.THIN, java.time.LocalDate.of(2024, 2, 29),
                java.util.UUID.fromString("00000000-0000-0000-0000-0000000000a1"), 42L, null).end();
        assertEquals("2026-11-27T05:14:01.5+01:00\tt\tf\tTHIN\t2024-02-29\t00000000-0000-0000-0000-0000000000a1\t42\t\\N\n", out.toString());
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
