package org.understudy.vacancy.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change made through vacancy-service: the event it published, whose organisation, who made it, when. */
@Entity
@Immutable
@Table(name = "change_audit")
public class ChangeRecord extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    /** The event's type, e.g. org.understudy.vacancy.post.incumbent-changed.v1: says what kind of change. */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The organisation's ODS code, or the post's or vacancy's id. */
    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    /** The names of the fields that changed, comma-separated (never their values). */
    @Column(nullable = false)
    public String changed;

    /** The caller's principal (the token's upn, preferred_username or sub). */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
