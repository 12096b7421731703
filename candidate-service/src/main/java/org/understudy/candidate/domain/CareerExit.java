package org.understudy.candidate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A post the candidate left: where, when and why. */
@Entity
@Table(name = "career_exit")
public class CareerExit {
    @Id
    @Column(name = "exit_id")
    public UUID exitId;

    @Column(name = "candidate_id", nullable = false)
    public UUID candidateId;

    /** The post, when vacancy-service tracks it; null otherwise. */
    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BoardRole role;

    @Column(name = "exit_date", nullable = false)
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExitReason reason;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
