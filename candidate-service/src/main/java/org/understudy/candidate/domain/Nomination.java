package org.understudy.candidate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The candidate named as successor for a post, with a readiness for that post. One per candidate and post. */
@Entity
@Table(name = "nomination")
public class Nomination {
    @Id
    @Column(name = "nomination_id")
    public UUID nominationId;

    @Column(name = "candidate_id", nullable = false)
    public UUID candidateId;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReadinessLevel readiness;

    @Column(name = "nominated_on", nullable = false)
    public LocalDate nominatedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
