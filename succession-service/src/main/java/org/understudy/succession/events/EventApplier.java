package org.understudy.succession.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.understudy.succession.domain.Applied;
import org.understudy.succession.domain.EventPosition;
import org.understudy.succession.domain.SuccessionView;
import org.understudy.succession.domain.UuidSet;
import org.understudy.succession.domain.ViewMaintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Applies Kafka records to the view: the events and their records as applied commit in one
 * transaction per poll. Malformed events are returned as {@link ContractViolation}s (the consumer sends
 * them to its dead-letter topic and moves on); unknown types are counted and skipped; transient
 * database failures are retried until they pass, so that no event is lost to an outage.
 */
@ApplicationScoped
public class EventApplier {
    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    private static final Set<String> HANDLED = Set.of("organisation", "post", "vacancy", "candidate");

    @Inject
    SuccessionView view;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "understudy.consumer.attempts-for-non-transient-failures", defaultValue = "3")
    int attemptsForPersistentFailures;

    /**
     * Events applied in one transaction (a poll holds up to max.poll.records). A commit per event made
     * the view fall behind at a few hundred writes a second; a whole poll per transaction held the
     * view's lock for seconds on a loaded machine, so the other topic's consumer, and with it every
     * change from that service, waited that long, and under overload a transaction could outlive its
     * timeout.
     */
    @ConfigProperty(name = "understudy.consumer.events-per-transaction", defaultValue = "50")
    int eventsPerTransaction;

    private final ReentrantReadWriteLock rebuildLock = new ReentrantReadWriteLock();

    /**
     * Applies a poll's records in order, {@link #eventsPerTransaction} at a time in one transaction
     * under one hold of the view's lock, retrying transient failures. If a transaction keeps failing
     * otherwise, its records are applied one at a time, so that only a record that cannot be applied
     * is rejected. Waits while the view is being rebuilt.
     *
     * @return the records to dead-letter (malformed, or not applicable), by their index in the list
     */
    public Map<Integer, ContractViolation> applyAll(List<ConsumerRecord<String, String>> records) {
        Map<Integer, ContractViolation> rejected = new LinkedHashMap<>();
        List<Integer> indexes = new ArrayList<>();
        List<Decoded> decoded = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                Parsed parsed = parse(records.get(i));
                if (parsed != null) {
                    decoded.add(decode(parsed));
                    indexes.add(i);
                }
            } catch (ContractViolation malformed) {
                rejected.put(i, malformed);
            }
        }
        if (decoded.isEmpty()) {
            return rejected;
        }
        rebuildLock.readLock().lock();
        try {
            for (int from = 0; from < decoded.size(); from += eventsPerTransaction) {
                int to = Math.min(decoded.size(), from + eventsPerTransaction);
                applyChunk(decoded.subList(from, to), indexes.subList(from, to), rejected);
            }
            return rejected;
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    /**
     * Applies some of a poll's events in one transaction; if that keeps failing, one at a time, so
     * that only an event that cannot be applied is rejected (added to {@code rejected} by its index).
     */
    private void applyChunk(List<Decoded> decoded, List<Integer> indexes, Map<Integer, ContractViolation> rejected) {
        List<String> outcomes;
        try {
            outcomes = ApplyRetries.run(decoded.get(0).parsed().event().id(), attemptsForPersistentFailures,
                    () -> QuarkusTransaction.requiringNew().call(() -> {
                        List<String> out = new ArrayList<>(decoded.size());
                        for (Decoded d : decoded) {
                            out.add(applyTo(view.maintenance(), d));
                            // Written and let go: otherwise every flush of the next events would
                            // dirty-check every row this transaction has touched so far.
                            em.flush();
                            em.clear();
                        }
                        return out;
                    }));
        } catch (ContractViolation batchFailed) {
            LOG.warnf("A batch of %d events could not be applied (%s); applying them one at a time", decoded.size(),
                    batchFailed.getMessage());
            for (int k = 0; k < decoded.size(); k++) {
                Decoded d = decoded.get(k);
                try {
                    String outcome = ApplyRetries.run(d.parsed().event().id(), attemptsForPersistentFailures,
                            () -> QuarkusTransaction.requiringNew().call(() -> applyTo(view.maintenance(), d)));
                    counted(d.parsed().position().topic(), d.parsed(), outcome);
                } catch (ContractViolation notApplicable) {
                    metrics.count(d.parsed().position().topic(), d.parsed().event().type(), "dead-lettered");
                    rejected.put(indexes.get(k), notApplicable);
                }
            }
            return;
        }
        for (int k = 0; k < decoded.size(); k++) {
            counted(decoded.get(k).parsed().position().topic(), decoded.get(k).parsed(), outcomes.get(k));
        }
    }

    /**
     * Applies a record to the live view inside the caller's transaction.
     *
     * @return the outcome, or null for a record that is skipped (unknown type)
     * @throws ContractViolation for a malformed record
     */
    public String applyInTransaction(ConsumerRecord<String, String> record) {
        Parsed parsed = parse(record);
        if (parsed == null) {
            return null;
        }
        String outcome = applyTo(view.maintenance(), decode(parsed));
        counted(record.topic(), parsed, outcome);
        return outcome;
    }

    /** Held for writing while the view is rebuilt, so that live consumers wait. */
    public ReentrantReadWriteLock rebuildLock() {
        return rebuildLock;
    }

    /** A record's event, checked against its contract, and where it came from. */
    public record Parsed(CloudEvent event, EventPosition position) {
    }

    /** A parsed event with its state read into the aggregate's type. */
    public record Decoded(Parsed parsed, long version, Object state) {
    }

    /**
     * Parses and checks a record (thread-safe: a rebuild parses on several threads).
     *
     * @return null for a type this service does not keep (counted as unknown)
     * @throws ContractViolation for a malformed record (counted as dead-lettered)
     */
    public Parsed parse(ConsumerRecord<String, String> record) {
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

    /**
     * Parses a record whose event this view applied before, when it arrived: it was checked against
     * the contract then (a redelivered record with a known id is never applied again), so only its
     * JSON is read. A rebuild spends most of its time in the schema check otherwise. Any record whose
     * id is not known, or that does not read, gets the full {@link #parse}.
     *
     * @param checkedBefore the ids of events the view had applied
     */
    public Parsed parse(ConsumerRecord<String, String> record, UuidSet checkedBefore) {
        if (record.value() != null && checkedBefore.size() > 0) {
            try {
                CloudEvent event = EventJson.mapper().readValue(record.value(), CloudEvent.class);
                UUID id = event.id() == null ? null : UUID.fromString(event.id());
                if (id != null && checkedBefore.contains(id) && event.data() != null && event.time() != null) {
                    if (!handles(event.type())) {
                        metrics.count(record.topic(), event.type(), "unknown-type");
                        return null;
                    }
                    return new Parsed(event, new EventPosition(id, event.type(), record.topic(), record.partition(),
                            record.offset(), event.time()));
                }
            } catch (JsonProcessingException | IllegalArgumentException notAsApplied) {
                // fall through to the full check
            }
        }
        return parse(record);
    }

    /**
     * Reads the event's state into its aggregate's type (thread-safe).
     *
     * @throws ContractViolation when the state cannot be read
     */
    public static Decoded decode(Parsed parsed) {
        JsonNode data = parsed.event().data();
        JsonNode state = data.get("state");
        Class<?> type = switch (EventTypes.aggregateOf(parsed.event().type())) {
            case "organisation" -> OrganisationState.class;
            case "post" -> PostState.class;
            case "vacancy" -> VacancyState.class;
            case "candidate" -> CandidateState.class;
            default -> throw new IllegalStateException("no handler for " + parsed.event().type());
        };
        return new Decoded(parsed, data.get("version").asLong(), read(state, type));
    }

    /** Counts an applied record's outcome (and how fresh the view is) in the consumer metrics. */
    public void counted(String topic, Parsed parsed, String outcome) {
        metrics.count(topic, parsed.event().type(), outcome);
        if (tellsFreshness(outcome)) {
            metrics.applied(parsed.event().time());
        }
    }

    /** Whether an event with this outcome says how fresh the view is: all but a redelivery. */
    static boolean tellsFreshness(String outcome) {
        return !"duplicate".equals(outcome);
    }

    /**
     * Applies an event to a view, live or in memory, in the order the view's history needs: the view's
     * lock, the event recorded as applied (a redelivery stops there), time passed up to the event's
     * day (whatever went stale before it happened expires first), then the event itself.
     *
     * @return applied, stale (the view already holds this version or a newer one) or duplicate
     */
    public static String applyTo(ViewMaintenance view, Decoded decoded) {
        EventPosition position = decoded.parsed().position();
        view.store().lock();
        if (!view.store().recordFirstDelivery(position)) {
            return "duplicate";
        }
        ViewMaintenance.Cause cause = ViewMaintenance.Cause.of(position);
        view.expireUpTo(cause.day());
        long version = decoded.version();
        Applied applied;
        if (decoded.state() instanceof OrganisationState s) {
            applied = view.applyOrganisation(s, version, cause);
        } else if (decoded.state() instanceof PostState s) {
            applied = view.applyPost(s, version, cause);
        } else if (decoded.state() instanceof VacancyState s) {
            applied = view.applyVacancy(s, version, cause);
        } else {
            applied = view.applyCandidate((CandidateState) decoded.state(), version, cause);
        }
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
