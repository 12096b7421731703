package org.understudy.succession.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.understudy.events.CandidateState;
import org.understudy.events.CloudEvent;
import org.understudy.events.ContractViolation;
import org.understudy.events.EventContract;
import org.understudy.events.EventJson;
import org.understudy.events.EventTypes;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.VacancyState;
import org.understudy.platform.inbox.ApplyRetries;
import org.understudy.platform.inbox.Inbox;
import org.understudy.succession.domain.Applied;
import org.understudy.succession.domain.EventPosition;
import org.understudy.succession.domain.SuccessionView;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Applies one Kafka record to the view: the event and its record as applied commit in one
 * transaction. Malformed events throw {@link ContractViolation} (the channel sends them to its
 * dead-letter topic and moves on); unknown types are counted and skipped; transient database
 * failures are retried until they pass, so that no event is lost to an outage.
 */
@ApplicationScoped
public class EventApplier {
    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    private static final Set<String> HANDLED = Set.of("organisation", "post", "vacancy", "candidate");

    @Inject
    Inbox inbox;

    @Inject
    SuccessionView view;

    @Inject
    ConsumerMetrics metrics;

    @ConfigProperty(name = "understudy.consumer.attempts-for-non-transient-failures", defaultValue = "3")
    int attemptsForPersistentFailures;

    private final ReentrantReadWriteLock rebuildLock = new ReentrantReadWriteLock();

    /**
     * Applies a record from a live consumer in a transaction of its own, retrying transient failures.
     * Waits while the view is being rebuilt.
     */
    public void apply(ConsumerRecord<String, String> record) {
        Parsed parsed = parse(record);
        if (parsed == null) {
            return;
        }
        rebuildLock.readLock().lock();
        try {
            String outcome = ApplyRetries.run(parsed.event().id(), attemptsForPersistentFailures, () -> QuarkusTransaction.requiringNew().call(() -> applyOnce(parsed.event(), parsed.position())));
            counted(record, parsed, outcome);
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    /**
     * Applies a record inside the caller's transaction (a rebuild batches many in one).
     *
     * @return the outcome, or null for a record that is skipped (unknown type)
     * @throws ContractViolation for a malformed record
     */
    public String applyInTransaction(ConsumerRecord<String, String> record) {
        Parsed parsed = parse(record);
        if (parsed == null) {
            return null;
        }
        String outcome = applyOnce(parsed.event(), parsed.position());
        counted(record, parsed, outcome);
        return outcome;
    }

    /** Held for writing while the view is rebuilt, so that live consumers wait. */
    public ReentrantReadWriteLock rebuildLock() {
        return rebuildLock;
    }

    private record Parsed(CloudEvent event, EventPosition position) {
    }

    private Parsed parse(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = EventContract.parse(record.value() == null ? "" : record.value());
        } catch (ContractViolation violation) {
            metrics.count(record.topic(), null, "dead-lettered");
            throw violation;
        }
        if (!handles(event.type())) {
            metrics.count(record.topic(), event.type(), "unknown-type");
            LOG.debugf("Skipping event %s of unknown type %s", event.id(), event.type());
            return null;
        }
        return new Parsed(event, new EventPosition(eventId(event), event.type(), record.topic(), record.partition(),
                record.offset(), event.time()));
    }

    private void counted(ConsumerRecord<String, String> record, Parsed parsed, String outcome) {
        metrics.count(record.topic(), parsed.event().type(), outcome);
        if (!"duplicate".equals(outcome)) {
            metrics.applied(parsed.event().time());
        }
    }

    private String applyOnce(CloudEvent event, EventPosition position) {
        view.lock();
        if (!inbox.recordFirstDelivery(position.eventId(), event.type(), position.topic(), position.partition(), position.offset())) {
            return "duplicate";
        }
        long version = event.data().get("version").asLong();
        JsonNode state = event.data().get("state");
        SuccessionView.Cause cause = SuccessionView.Cause.of(position);
        // Time first: whatever went stale before this event happened expires before it applies.
        view.expireUpTo(cause.day());
        Applied applied = switch (EventTypes.aggregateOf(event.type())) {
            case "organisation" -> view.applyOrganisation(read(state, OrganisationState.class), version, cause);
            case "post" -> view.applyPost(read(state, PostState.class), version, cause);
            case "vacancy" -> view.applyVacancy(read(state, VacancyState.class), version, cause);
            case "candidate" -> view.applyCandidate(read(state, CandidateState.class), version, cause);
            default -> throw new IllegalStateException("no handler for " + event.type());
        };
        return applied == Applied.CHANGED ? "applied" : "stale";
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

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return EventJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ContractViolation(List.of("/data/state: " + e.getOriginalMessage()));
        }
    }
}
