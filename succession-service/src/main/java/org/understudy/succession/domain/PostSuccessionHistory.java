package org.understudy.succession.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A post's numbers from one instant on, and what changed them. */
@Entity
@Table(name = "post_succession_history")
public class PostSuccessionHistory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(name = "effective_at", nullable = false)
    public OffsetDateTime effectiveAt;

    /** The event type that caused the change, or {@code assessment-expired}. */
    @Column(nullable = false)
    public String cause;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_topic")
    public String eventTopic;

    @Column(name = "event_partition")
    public Integer eventPartition;

    @Column(name = "event_offset")
    public Long eventOffset;

    @Column(name = "ready_now", nullable = false)
    public int readyNow;

    @Column(name = "ready_soon", nullable = false)
    public int readySoon;

    @Column(name = "named_ready_now", nullable = false)
    public int namedReadyNow;

    @Column(name = "pool_ready_now", nullable = false)
    public int poolReadyNow;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Replaceability replaceability;

    public Integer applicants;

    public Integer shortlisted;

    @Column(name = "last_shortlist_size")
    public Integer lastShortlistSize;

    @Column(name = "incumbent_candidate_id")
    public UUID incumbentCandidateId;

    @Column(name = "interim_candidate_id")
    public UUID interimCandidateId;

    /** When the interim cover in force then was named; null when none was. */
    @Column(name = "interim_named_on")
    public LocalDate interimNamedOn;
}
