package org.understudy.succession.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.understudy.events.CandidateState;
import org.understudy.events.CloudEvent;
import org.understudy.events.ContractViolation;
import org.understudy.events.EventContract;
import org.understudy.events.EventJson;
import org.understudy.events.EventTypes;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.VacancyState;
import org.understudy.succession.domain.EventPosition;
import org.understudy.succession.domain.ViewMaintenance;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads Kafka records into what the view applies: each record checked against the event contract
 * (JSON Schemas) and its state read into its aggregate's type, once. Thread-safe: records are read on
 * other threads while the fold applies the ones before.
 */
public final class EventRecords {
    private static final Set<String> HANDLED = Set.of("organisation", "post", "vacancy", "candidate");

    private EventRecords() {
    }

    /**
     * What became of a record: an event to apply, a type this view does not keep (skipped), or a
     * malformed record (to dead-letter, with the reason).
     */
    public record Read(ConsumerRecord<String, String> record, CloudEvent event, EventPosition position, long version, Object state,
                       ContractViolation malformed) {
        public boolean applicable() {
            return state != null;
        }

        public boolean unknownType() {
            return state == null && malformed == null;
        }

        public ViewMaintenance.Cause cause() {
            return ViewMaintenance.Cause.of(position);
        }

        public String type() {
            return event == null ? null : event.type();
        }
    }

    /** Reads one record; never throws for what the record holds. */
    public static Read read(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = EventContract.parse(record.value() == null ? "" : record.value());
        } catch (ContractViolation malformed) {
            return new Read(record, null, null, 0, null, malformed);
        }
        if (!handles(event.type())) {
            return new Read(record, event, null, 0, null, null);
        }
        try {
            EventPosition position = new EventPosition(eventId(event), event.type(), record.topic(), record.partition(),
                    record.offset(), event.time());
            JsonNode data = event.data();
            Class<?> type = switch (EventTypes.aggregateOf(event.type())) {
                case "organisation" -> OrganisationState.class;
                case "post" -> PostState.class;
                case "vacancy" -> VacancyState.class;
                default -> CandidateState.class;
            };
            return new Read(record, event, position, data.get("version").asLong(), state(data.get("state"), type), null);
        } catch (ContractViolation malformed) {
            return new Read(record, event, null, 0, null, malformed);
        }
    }

    /** Types whose contract this service knows and whose aggregate it keeps in the view. */
    private static boolean handles(String type) {
        return EventContract.knows(type) && HANDLED.contains(EventTypes.aggregateOf(type));
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(List.of("/id: not a UUID: " + event.id()));
        }
    }

    private static Object state(JsonNode node, Class<?> type) {
        try {
            return EventJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ContractViolation(List.of("/data/state: " + e.getOriginalMessage()));
        }
    }
}
