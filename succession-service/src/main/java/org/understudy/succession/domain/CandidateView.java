package org.understudy.succession.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A candidate as the latest candidate event described them: an opaque id, statuses, dates, regions. */
@Entity
@Table(name = "candidate_view")
public class CandidateView {
    @Id
    @Column(name = "candidate_id")
    public UUID candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CandidateStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "fit_status", nullable = false)
    public FitAndProperStatus fitStatus;

    @Column(name = "fit_checked_on")
    public LocalDate fitCheckedOn;

    /** Comma-separated region names. */
    @Column(nullable = false)
    public String regions;

    /** Comma-separated organisation type names. */
    @Column(name = "organisation_types", nullable = false)
    public String organisationTypes;

    @Column(name = "considers_challenged", nullable = false)
    public boolean considersChallenged;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
