package org.understudy.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Remembers which events were applied, inside the consumer's transaction: the event's effect
 * and its record here commit together, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {
    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records the event as applied.
     *
     * @return true the first time this event id is seen, false for a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(UUID eventId, String type, String topic, int partition, long offset) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO applied_event (event_id, event_type, topic, record_partition, record_offset, applied_at)
                        VALUES (:id, :type, :topic, :partition, :offset, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", eventId)
                .setParameter("type", type)
                .setParameter("topic", topic)
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate();
        return inserted == 1;
    }
}
