package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.events.OrganisationType;
import org.understudy.events.BoardRole;
import org.understudy.events.Region;
import org.understudy.platform.outbox.Outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the alerts a change-set raised and queues their webhook deliveries, in the change-set's own
 * transaction: an alert is kept and queued for every matching subscription, or neither.
 */
@ApplicationScoped
public class AlertLog {
    /** An alert raised: its event (as it goes to succession-alerts) and what subscriptions are matched on: the post and its organisation. */
    public record Entry(Outbox.Pending event, UUID postId, String odsCode, BoardRole role, Region region, OrganisationType organisationType,
                        Integer oversightSegment, String integratedCareBoardCode) {
    }

    public void insert(Connection connection, List<Entry> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO succession_alert (alert_id, event_type, post_id, ods_code, role, region, organisation_type,
                                              oversight_segment, raised_at, payload, integrated_care_board_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Entry a : alerts) {
                insert.setObject(1, a.event().eventId());
                insert.setString(2, a.event().type());
                insert.setObject(3, a.postId());
                insert.setString(4, a.odsCode());
                insert.setString(5, a.role().name());
                insert.setString(6, a.region() == null ? null : a.region().name());
                insert.setString(7, a.organisationType() == null ? null : a.organisationType().name());
                insert.setObject(8, a.oversightSegment(), Types.INTEGER);
                insert.setObject(9, a.event().createdAt());
                insert.setString(10, a.event().payload());
                insert.setString(11, a.integratedCareBoardCode());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Array ids = connection.createArrayOf("uuid", alerts.stream().map(a -> a.event().eventId()).toArray());
        try (PreparedStatement queue = connection.prepareStatement("""
                INSERT INTO webhook_delivery (subscription_id, alert_id, status, attempts, created_at, next_attempt_at)
                SELECT s.subscription_id, a.alert_id, 'PENDING', 0, a.raised_at, a.raised_at
                FROM succession_alert a JOIN webhook_subscription s
                  ON s.deleted_at IS NULL
                 AND (s.region IS NULL OR s.region = a.region)
                 AND (s.organisation_type IS NULL OR s.organisation_type = a.organisation_type)
                 AND (s.role IS NULL OR s.role = a.role)
                 AND (s.oversight_segment IS NULL OR s.oversight_segment = a.oversight_segment)
                 AND (s.integrated_care_board_code IS NULL OR s.integrated_care_board_code = a.integrated_care_board_code)
                WHERE a.alert_id = ANY (?)""")) {
            queue.setArray(1, ids);
            queue.executeUpdate();
        } finally {
            ids.free();
        }
    }
}
