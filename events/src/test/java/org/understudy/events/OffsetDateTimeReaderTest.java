package org.understudy.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The event mapping reads instants as the JSR-310 module alone does: same value, same offset, same errors. */
class OffsetDateTimeReaderTest {
    private static final ObjectMapper MODULE_ALONE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private record Stamped(OffsetDateTime at) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-27T05:14:01.988622904Z", "2026-11-27T05:14:01.988622Z", "2026-11-27T05:14:01.9Z",
            "2026-11-27T05:14:01Z", "2026-11-27T05:14:01.000Z", "2024-02-29T23:59:59.999999999Z",
            "2026-03-29T01:30:00+01:00", "2026-03-29T01:30:00.5-05:30", "2026-03-29T01:30:00+00:00",
            "2026-03-29T01:30:00-00:00", "2026-03-29T01:30:00+18:00", "0001-01-01T00:00:00Z",
            // not of the hand reader's form: the module reads them
            "2026-11-27T05:14Z", "2026-11-27t05:14:01z", "2026-11-27T05:14:01+01:00:30", "2026-11-27T05:14:01+0100",
            "2026-11-27T05:14:01.Z", "+12026-11-27T05:14:01Z"})
    void readsWhatTheModuleReads(String text) throws Exception {
        String json = "{\"at\":\"" + text + "\"}";
        OffsetDateTime expected = MODULE_ALONE.readValue(json, Stamped.class).at();
        OffsetDateTime actual = EventJson.mapper().readValue(json, Stamped.class).at();
        assertEquals(expected, actual, text); // OffsetDateTime.equals compares the offset too
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T05:14:01Z", "2026-11-27T25:14:01Z", "2026-11-27T05:14:01+19:00",
            "2026-11-27T05:14:01.1234567891Z", "2026-11-27T24:00:00Z", "2026-11-27T05:14:01", "yesterday", "2026-11-27 05:14:01Z", "2026-1a-27T05:14:01Z"})
    void refusesWhatTheModuleRefuses(String text) {
        String json = "{\"at\":\"" + text + "\"}";
        assertThrows(InvalidFormatException.class, () -> MODULE_ALONE.readValue(json, Stamped.class), text);
        assertThrows(InvalidFormatException.class, () -> EventJson.mapper().readValue(json, Stamped.class), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-27T05:14:01.988622904Z", "2026-11-27T05:14:01.988622Z", "2026-11-27T05:14:01.9Z",
            "2026-11-27T05:14:01Z", "2026-11-27T05:14:01.000Z", "2024-02-29T23:59:59.999999999Z",
            "2026-03-29T01:30:00+01:00", "2026-03-29T01:30:00.5-05:30", "2026-03-29T01:30:00+00:00",
            "2026-03-29T01:30:00-00:00", "2026-03-29T01:30:00+18:00", "0001-01-01T00:00:00Z"})
    void theHandReaderTakesTheFormsEventsCarry(String text) {
        OffsetDateTime read = OffsetDateTimeReader.read(text);
        assertNotNull(read, text);
        assertEquals(OffsetDateTime.parse(text), read, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T05:14Z", "2026-11-27T24:00:00Z", "2026-11-27T05:14:01.Z", "2026-11-27T05:14:01"})
    void otherFormsAreLeftToTheModule(String text) {
        assertNull(OffsetDateTimeReader.read(text));
    }
}
