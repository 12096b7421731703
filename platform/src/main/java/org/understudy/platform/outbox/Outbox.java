package org.understudy.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.events.EventFactory;
import org.understudy.platform.transaction.AfterCommit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        Pending event = prepare(topic, type, aggregateId, version, changed, state);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = event.topic();
        row.recordKey = event.key();
        row.eventType = event.type();
        row.createdAt = event.createdAt();
        row.payload = event.payload();
        row.persist();
        wakeRelayAfterCommit();
        return row.eventId;
    }

    /** An event made and not yet stored: for a writer that commits on a JDBC connection of its own ({@link #insert}). */
    public record Pending(UUID eventId, String topic, String key, String type, String payload, OffsetDateTime createdAt) {
    }

    /** Makes an event (the same arguments as {@link #append}) without storing it. */
    public Pending prepare(String topic, String type, String aggregateId, long version, List<String> changed, Object state) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Pending(id, topic, aggregateId, type,
                EventFactory.toJson(id, "/" + source, type, aggregateId, now, version, changed, state), now);
    }

    /**
     * Stores events in the caller's transaction on a connection of its own (one batch); the caller
     * calls {@link #committed()} once the transaction has committed.
     */
    public void insert(Connection connection, List<Pending> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Pending e : events) {
                insert.setObject(1, e.eventId());
                insert.setString(2, e.topic());
                insert.setString(3, e.key());
                insert.setString(4, e.type());
                insert.setString(5, e.payload());
                insert.setObject(6, e.createdAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Events {@link #insert}ed have committed: the relay is woken. */
    public void committed() {
        relay.wake();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        AfterCommit.run(transactions, relay::wake);
    }
}
