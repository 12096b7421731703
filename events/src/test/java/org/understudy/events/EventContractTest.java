package org.understudy.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {
    private static final OrganisationState ORG = new OrganisationState("R0A", "Manchester University NHS Foundation Trust",
            Region.NORTH_WEST, OrganisationType.ACUTE, true, "QOP", 2);

    private static String orgEvent(Object state) {
        return EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.ORGANISATION_CREATED, "R0A",
                OffsetDateTime.now(), 1, List.of("created"), state);
    }

    @Test
    void aProducedOrganisationEventSatisfiesTheContractAndReadsBack() {
        CloudEvent event = EventContract.parse(orgEvent(ORG));
        assertEquals("R0A", event.subject());
        assertEquals(1, event.data().get("version").asLong());
        assertEquals("NORTH_WEST", event.data().get("state").get("region").asText());
    }

    @Test
    void aProducedPostEventSatisfiesTheContract() {
        UUID postId = UUID.randomUUID();
        String json = EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.POST_CREATED,
                postId.toString(), OffsetDateTime.now(), 1, List.of("created"),
                new PostState(postId, "R0A", BoardRole.CHIEF_EXECUTIVE));
        assertEquals(postId.toString(), EventContract.parse(json).subject());
    }

    static Stream<Arguments> violations() {
        String valid = orgEvent(ORG);
        return Stream.of(
                Arguments.of("not JSON", "{oops", "not a JSON object"),
                Arguments.of("no id", valid.replaceFirst("\"id\":\"[^\"]+\",", ""), "id"),
                Arguments.of("wrong spec version", valid.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""), "/specversion"),
                Arguments.of("version zero", valid.replace("\"version\":1", "\"version\":0"), "/data/version"),
                Arguments.of("segment 6", valid.replace("\"oversightSegment\":2", "\"oversightSegment\":6"), "/data/state/oversightSegment"),
                Arguments.of("unknown region", valid.replace("NORTH_WEST", "WALES"), "/data/state/region"),
                Arguments.of("extra personal field", valid.replace("\"odsCode\":\"R0A\"", "\"odsCode\":\"R0A\",\"email\":\"x@y\""), "/data/state"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void anEventThatBreaksTheContractIsRefusedNamingWhere(String why, String json, String where) {
        ContractViolation violation = assertThrows(ContractViolation.class, () -> EventContract.parse(json));
        assertTrue(violation.getMessage().contains(where), () -> why + ": " + violation.getMessage());
    }

    @Test
    void anUnknownTypeWithAValidEnvelopeIsReadableButNotKnown() {
        String json = orgEvent(ORG).replace(VacancyEventTypes.ORGANISATION_CREATED, "org.understudy.vacancy.organisation.merged.v3");
        CloudEvent event = EventContract.parse(json);
        assertFalse(EventContract.knows(event.type()));
        assertTrue(EventContract.knows(VacancyEventTypes.ORGANISATION_CREATED));
    }

    static Stream<Arguments> types() {
        String valid = orgEvent(ORG);
        return Stream.of(
                Arguments.of("a produced event", valid, VacancyEventTypes.ORGANISATION_CREATED),
                Arguments.of("type after nested objects", "{\"data\":{\"type\":\"inner\",\"a\":[1,{\"b\":2}]},\"type\":\"outer.v1\"}", "outer.v1"),
                Arguments.of("type not text", "{\"type\":3}", null),
                Arguments.of("type twice", "{\"type\":\"a.v1\",\"data\":{},\"type\":\"b.v1\"}", null),
                Arguments.of("no type", "{\"specversion\":\"1.0\",\"id\":\"x\"}", null),
                Arguments.of("only nested type", "{\"data\":{\"type\":\"inner\"}}", null),
                Arguments.of("an array", "[{\"type\":\"a.v1\"}]", null),
                Arguments.of("not JSON", "not json at all", null),
                Arguments.of("empty", "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void theTypeIsReadWithoutTheRest(String why, String json, String expected) {
        assertEquals(java.util.Optional.ofNullable(expected), EventContract.typeOf(json), why);
    }
}
