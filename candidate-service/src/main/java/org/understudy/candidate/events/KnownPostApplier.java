package org.understudy.candidate.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.understudy.candidate.domain.KnownPosts;
import org.understudy.events.CloudEvent;
import org.understudy.events.ContractViolation;
import org.understudy.events.EventContract;
import org.understudy.events.EventJson;
import org.understudy.events.EventTypes;
import org.understudy.events.PostState;
import org.understudy.events.VacancyEventTypes;
import org.understudy.platform.inbox.ApplyRetries;
import org.understudy.platform.inbox.Inbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one vacancy-events record to the set of known posts: the post and the event's id (the
 * inbox) commit in one transaction, so a redelivery is recognised and skipped. The other vacancy-service
 * types are counted as ignored, types this code does not know (a future v2) as unknown-type; both are
 * skipped on their type alone. A record that breaks the
 * contract throws {@link ContractViolation}, which sends it to the dead-letter topic; transient
 * database failures are retried until they pass, so that an outage delays posts but loses none.
 */
@ApplicationScoped
public class KnownPostApplier {
    private static final Logger LOG = Logger.getLogger(KnownPostApplier.class);
    /** The post events whose state this consumer upserts. */
    private static final Set<String> POST_TYPES = VacancyEventTypes.POST_CREATED_ANY_VERSION;

    @Inject
    Inbox inbox;

    @Inject
    KnownPosts knownPosts;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "understudy.consumer.attempts-for-non-transient-failures", defaultValue = "3")
    int attemptsForPersistentFailures;

    public void apply(ConsumerRecord<String, String> record) {
        String value = record.value() == null ? "" : record.value();
        String type = EventContract.typeOf(value).orElse(null);
        // Only a well-formed type is skipped early; anything else is checked in full and dead-lettered.
        if (type != null && EventTypes.aggregateOf(type) != null && !POST_TYPES.contains(type)) {
            // Most records here (vacancies, interim cover, organisations) are not needed: skipped on their
            // type alone, without the schema check, which cost more than the rest of consuming them.
            count(record.topic(), type, VacancyEventTypes.ALL.contains(type) ? "ignored" : "unknown-type");
            return;
        }
        CloudEvent event;
        try {
            event = EventContract.parse(value);
        } catch (ContractViolation violation) {
            count(record.topic(), null, "dead-lettered");
            throw violation;
        }
        UUID eventId = eventId(event);
        long version = event.data().get("version").asLong();
        PostState state = read(event);
        String outcome = ApplyRetries.run(event.id(), attemptsForPersistentFailures, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.recordFirstDelivery(eventId, event.type(), record.topic(), record.partition(), record.offset())) {
                return "duplicate";
            }
            return knownPosts.apply(state, version) ? "applied" : "stale";
        }));
        count(record.topic(), event.type(), outcome);
    }

    /** outcome: applied, stale (not newer than the post held), duplicate, ignored (another vacancy-service type), unknown-type, dead-lettered. */
    private void count(String topic, String type, String outcome) {
        meters.counter("understudy.events.consumed", "topic", topic, "type", type == null ? "none" : type, "outcome", outcome)
                .increment();
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(List.of("/id: not a UUID: " + event.id()));
        }
    }

    private static PostState read(CloudEvent event) {
        try {
            return EventJson.mapper().treeToValue(event.data().get("state"), PostState.class);
        } catch (JsonProcessingException e) {
            throw new ContractViolation(List.of("/data/state: " + e.getOriginalMessage()));
        }
    }
}
