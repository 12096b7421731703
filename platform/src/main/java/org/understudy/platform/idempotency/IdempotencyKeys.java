package org.understudy.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code idempotency_key} table: a key is claimed in the transaction of the write it guards and its
 * response stored in the same transaction, so a key is either unused, or bound to a committed write and
 * its response; never bound to a write that did not happen. Keys older than
 * {@code understudy.idempotency.keep} (default 24 hours) are deleted, at most once a minute.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final long PURGE_EVERY_MILLIS = 60_000;

    private final EntityManager em;
    private final Clock clock;
    private final Duration keep;
    private final AtomicLong lastPurge = new AtomicLong();

    IdempotencyKeys(EntityManager em, Clock clock,
                    @ConfigProperty(name = "understudy.idempotency.keep", defaultValue = "P1D") Duration keep) {
        this.em = em;
        this.clock = clock;
        this.keep = keep;
    }

    /**
     * Claims the key for this request, or answers what it was used for. A concurrent request with the
     * same key waits here until the first one's transaction ends.
     */
    Optional<StoredResponse> claim(String scope, String key, String fingerprint) {
        purgeNowAndThen();
        int claimed = em.createNativeQuery("INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, OffsetDateTime.now(clock)).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, status, location, etag, body FROM idempotency_key "
                        + "WHERE scope = ?1 AND idempotency_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        return Optional.of(new StoredResponse((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]));
    }

    /** Stores the response of the request that claimed the key, in that request's transaction. */
    void complete(String scope, String key, int status, String location, String etag, String body) {
        em.createNativeQuery("UPDATE idempotency_key SET status = ?3, location = ?4, etag = ?5, body = ?6 "
                        + "WHERE scope = ?1 AND idempotency_key = ?2")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, status)
                .setParameter(4, location).setParameter(5, etag).setParameter(6, body).executeUpdate();
    }

    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
            em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                    .setParameter(1, OffsetDateTime.now(clock).minus(keep)).executeUpdate();
        }
    }
}
