package org.understudy.platform.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event this service has applied, with the record it came from. */
@Entity
@Table(name = "applied_event")
public class AppliedEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_partition", nullable = false)
    public int partition;

    @Column(name = "record_offset", nullable = false)
    public long offset;

    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;
}
