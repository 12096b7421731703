package org.understudy.succession.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.VacancyStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A vacancy as the latest vacancy event described it. */
@Entity
@Table(name = "vacancy_view")
public class VacancyView {
    @Id
    @Column(name = "vacancy_id")
    public UUID vacancyId;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VacancyStatus status;

    @Column(name = "live_applications", nullable = false)
    public int liveApplications;

    @Column(name = "shortlist_size", nullable = false)
    public int shortlistSize;

    @Column(nullable = false)
    public int readverts;

    @Column(name = "first_advertised_on")
    public LocalDate firstAdvertisedOn;

    @Column(name = "filled_on")
    public LocalDate filledOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "appointed_candidate_id")
    public UUID appointedCandidateId;

    @Column(nullable = false)
    public long version;

    /** When the vacancy was first seen (its first event's time): orders a post's vacancies. */
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
