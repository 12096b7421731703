package org.understudy.succession.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A post's stored succession numbers, and the event they reflect. */
@Entity
@Table(name = "post_succession")
public class PostSuccession {
    @Id
    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BoardRole role;

    /** The version of the post in vacancy-service that this row reflects. */
    @Column(nullable = false)
    public long version;

    @Column(name = "named_ready_now", nullable = false)
    public int namedReadyNow;

    @Column(name = "pool_ready_now", nullable = false)
    public int poolReadyNow;

    @Column(name = "ready_now", nullable = false)
    public int readyNow;

    @Column(name = "ready_soon", nullable = false)
    public int readySoon;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Replaceability replaceability;

    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    @Column(name = "last_topic", nullable = false)
    public String lastTopic;

    @Column(name = "last_partition", nullable = false)
    public int lastPartition;

    @Column(name = "last_offset", nullable = false)
    public long lastOffset;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "incumbent_candidate_id")
    public UUID incumbentCandidateId;

    @Column(name = "incumbent_since")
    public LocalDate incumbentSince;

    @Column(name = "incumbent_interim")
    public Boolean incumbentInterim;

    @Column(name = "last_departure_date")
    public LocalDate lastDepartureDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_departure_reason")
    public LeavingReason lastDepartureReason;

    /** Live applications to the open vacancy (null when none is open). */
    public Integer applicants;

    /** Shortlist of the open vacancy (null when none is open). */
    public Integer shortlisted;

    /** Shortlist size of the post's most recent vacancy (null when it never had one). */
    @Column(name = "last_shortlist_size")
    public Integer lastShortlistSize;

    @Column(name = "open_vacancy_id")
    public UUID openVacancyId;

    @Column(name = "latest_vacancy_id")
    public UUID latestVacancyId;

    /** Who would cover the post as interim (null for someone outside the pipeline, or when none is named). */
    @Column(name = "interim_candidate_id")
    public UUID interimCandidateId;

    /** When the interim cover was named; null when none is. */
    @Column(name = "interim_named_on")
    public LocalDate interimNamedOn;

    public boolean interimNamed() {
        return interimNamedOn != null;
    }

    public SuccessionNumbers numbers() {
        return new SuccessionNumbers(readyNow, readySoon, namedReadyNow, poolReadyNow);
    }
}
