package org.understudy.vacancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.LeavingReason;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One person's time in a post. The person is a candidate id where they are in the pipeline,
 * otherwise a name held only here (never published).
 */
@Entity
@Table(name = "incumbency")
public class Incumbency {
    @Id
    public UUID id;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(name = "candidate_id")
    public UUID candidateId;

    @Column(name = "person_name")
    public String personName;

    @Column(nullable = false)
    public LocalDate since;

    /** Null while they hold the post. */
    public LocalDate until;

    @Column(nullable = false)
    public boolean interim;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_left")
    public LeavingReason reasonLeft;
}
