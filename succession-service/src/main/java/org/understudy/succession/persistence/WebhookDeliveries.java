package org.understudy.succession.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The webhook deliveries (one per alert and subscription, queued with the alert): taking the due ones
 * to send, recording each attempt's outcome, and the delivery log of a subscription.
 */
@ApplicationScoped
public class WebhookDeliveries {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    private final EntityManager em;

    @Inject
    public WebhookDeliveries(EntityManager em) {
        this.em = em;
    }

    /** A delivery taken to be sent: the attempt it is, where to, the key to sign with and the body. */
    public record Due(UUID subscriptionId, UUID alertId, int attempt, String url, String secret, String payload) {
    }

    /** One line of a subscription's delivery log. */
    public record LogLine(UUID alertId, String eventType, UUID postId, String status, int attempts, OffsetDateTime createdAt,
                          OffsetDateTime lastAttemptAt, Integer lastResponseStatus, String lastError,
                          OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {
    }

    /**
     * Takes up to {@code limit} deliveries due at {@code now} (of subscriptions not deleted), counts the
     * attempt and hides them from other senders until {@code claimedUntil}, in a transaction of its own.
     */
    public List<Due> claim(OffsetDateTime now, OffsetDateTime claimedUntil, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    WITH due AS (
                        SELECT d.subscription_id, d.alert_id FROM webhook_delivery d
                        JOIN webhook_subscription s ON s.subscription_id = d.subscription_id AND s.deleted_at IS NULL
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
                        ORDER BY d.next_attempt_at LIMIT ?
                        FOR UPDATE OF d SKIP LOCKED),
                    claimed AS (
                        UPDATE webhook_delivery d SET attempts = d.attempts + 1, last_attempt_at = ?, next_attempt_at = ?
                        FROM due WHERE d.subscription_id = due.subscription_id AND d.alert_id = due.alert_id
                        RETURNING d.subscription_id, d.alert_id, d.attempts)
                    SELECT c.subscription_id, c.alert_id, c.attempts, s.url, s.secret, a.payload
                    FROM claimed c JOIN webhook_subscription s ON s.subscription_id = c.subscription_id
                    JOIN succession_alert a ON a.alert_id = c.alert_id""")) {
                s.setObject(1, now);
                s.setInt(2, limit);
                s.setObject(3, now);
                s.setObject(4, claimedUntil);
                List<Due> due = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        due.add(new Due(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getInt(3),
                                r.getString(4), r.getString(5), r.getString(6)));
                    }
                }
                return due;
            }
        }));
    }

    /** The receiver answered 2xx. */
    public void delivered(Due d, int responseStatus, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ?, last_response_status = ?, last_error = NULL,
                           next_attempt_at = NULL
                    WHERE subscription_id = ? AND alert_id = ?""")) {
                s.setObject(1, at);
                s.setInt(2, responseStatus);
                s.setObject(3, d.subscriptionId());
                s.setObject(4, d.alertId());
                s.executeUpdate();
            }
        }));
    }

    /**
     * The attempt failed: tried again at {@code nextAttempt}, or FAILED for good when it is null. A delivery
     * another sender has meanwhile delivered stays delivered.
     */
    public void failed(Due d, Integer responseStatus, String error, OffsetDateTime nextAttempt) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE webhook_delivery SET status = ?, next_attempt_at = ?, last_response_status = ?, last_error = ?
                    WHERE subscription_id = ? AND alert_id = ? AND status = 'PENDING'""")) {
                s.setString(1, nextAttempt == null ? FAILED : PENDING);
                s.setObject(2, nextAttempt);
                s.setObject(3, responseStatus, Types.INTEGER);
                s.setString(4, error == null || error.length() <= 500 ? error : error.substring(0, 500));
                s.setObject(5, d.subscriptionId());
                s.setObject(6, d.alertId());
                s.executeUpdate();
            }
        }));
    }

    /** A subscription's deliveries, newest first, optionally of one status. */
    public List<LogLine> log(UUID subscriptionId, String status, int page, int size) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT d.alert_id, a.event_type, a.post_id, d.status, d.attempts, d.created_at, d.last_attempt_at,
                           d.last_response_status, d.last_error, d.next_attempt_at, d.delivered_at
                    FROM webhook_delivery d JOIN succession_alert a ON a.alert_id = d.alert_id
                    WHERE d.subscription_id = ? AND (CAST(? AS VARCHAR) IS NULL OR d.status = ?)
                    ORDER BY a.seq DESC LIMIT ? OFFSET ?""")) {
                s.setObject(1, subscriptionId);
                s.setString(2, status);
                s.setString(3, status);
                s.setInt(4, size);
                s.setLong(5, (long) page * size);
                List<LogLine> lines = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(new LogLine(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, UUID.class), r.getString(4),
                                r.getInt(5), r.getObject(6, OffsetDateTime.class), r.getObject(7, OffsetDateTime.class),
                                r.getObject(8, Integer.class), r.getString(9), r.getObject(10, OffsetDateTime.class),
                                r.getObject(11, OffsetDateTime.class)));
                    }
                }
                return lines;
            }
        });
    }

    public long count(UUID subscriptionId, String status) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM webhook_delivery
                        WHERE subscription_id = :id AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)""")
                .setParameter("id", subscriptionId).setParameter("status", status).getSingleResult()).longValue();
    }
}
