package org.understudy.vacancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A candidate's application to a vacancy; live until withdrawn. */
@Entity
@Table(name = "application")
public class Application {
    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vacancy_id")
    public Vacancy vacancy;

    @Column(name = "candidate_id", nullable = false)
    public UUID candidateId;

    @Column(name = "applied_on", nullable = false)
    public LocalDate appliedOn;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(nullable = false)
    public boolean shortlisted;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public boolean live() {
        return withdrawnOn == null;
    }
}
