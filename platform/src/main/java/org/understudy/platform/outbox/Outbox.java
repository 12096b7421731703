package org.understudy.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.events.EventFactory;
import org.understudy.platform.transaction.AfterCommit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction, so that a state change and its
 * event commit together or not at all. Once the transaction commits, the relay is woken.
 */
@ApplicationScoped
public class Outbox {
    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /**
     * Records an event-carried-state event for one aggregate.
     *
     * @param topic       the topic the event goes to
     * @param type        the CloudEvents type (see {@code EventTypes})
     * @param aggregateId subject and record key: all events of one aggregate stay in order
     * @param version     the aggregate's version after this change
     * @param changed     names of the fields that changed
     * @param state       the aggregate's full new state
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String type, String aggregateId, long version, List<String> changed, Object state) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = topic;
        row.recordKey = aggregateId;
        row.eventType = type;
        row.createdAt = OffsetDateTime.now(clock);
        row.payload = EventFactory.toJson(row.eventId, "/" + source, type, aggregateId, row.createdAt, version, changed, state);
        row.persist();
        wakeRelayAfterCommit();
        return row.eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        AfterCommit.run(transactions, relay::wake);
    }
}
