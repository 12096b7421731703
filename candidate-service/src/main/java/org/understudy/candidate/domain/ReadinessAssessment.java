package org.understudy.candidate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.BoardRole;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One assessment of how ready a candidate is for a role. All are kept; the latest per role is current. */
@Entity
@Table(name = "readiness_assessment")
public class ReadinessAssessment {
    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "candidate_id", nullable = false)
    public UUID candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BoardRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReadinessLevel level;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    /** Who made the assessment (the assessor, not the candidate). */
    @Column(name = "assessed_by", nullable = false)
    public String assessedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** True for the latest assessment of this candidate for this role. */
    @Column(nullable = false)
    public boolean current;
}
