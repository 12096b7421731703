package org.understudy.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventTypesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "org.understudy.vacancy.post.created.v1, post, post-state.v1.json",
            "org.understudy.candidate.candidate.readiness-assessed.v1, candidate, candidate-state.v1.json",
            "org.understudy.vacancy.organisation.merged.v2, organisation, organisation-state.v2.json",
            "hello, null, null",
            "org.understudy.vacancy.post.created, null, null",
            "org.understudy.vacancy.Post.created.v1, null, null",
            "'org.understudy.vacancy.post.created.v1 ', null, null"})
    void aTypeNamesItsAggregateAndStateSchema(String type, String aggregate, String schema) {
        for (int asked = 0; asked < 2; asked++) { // the second answer comes from what was read the first time
            assertEquals(aggregate, EventTypes.aggregateOf(type), type);
            assertEquals(schema, EventTypes.stateSchemaOf(type), type);
        }
    }

    @Test
    void typesBeyondTheOnesKeptAreStillRead() {
        for (int i = 0; i < 1000; i++) {
            String aggregate = "thing" + letters(i);
            assertEquals(aggregate, EventTypes.aggregateOf("org.understudy.x." + aggregate + ".made.v1"));
            assertNull(EventTypes.aggregateOf("not a type " + i));
        }
        assertNull(EventTypes.aggregateOf(null));
        assertEquals("post", EventTypes.aggregateOf("org.understudy.vacancy.post.created.v1"));
    }

    private static String letters(int i) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return s.toString();
    }
}
