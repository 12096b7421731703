package org.understudy.events;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Builds the JSON text of an event, the one way producers write events. */
public final class EventFactory {
    private EventFactory() {
    }

    public static String toJson(UUID id, String source, String type, String aggregateId,
                                OffsetDateTime time, long version, List<String> changed, Object state) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), source, type, aggregateId,
                time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), CloudEvent.JSON,
                EventJson.mapper().valueToTree(new AggregateChange<>(version, changed, state)));
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event state is not serialisable: " + e.getMessage(), e);
        }
    }
}
