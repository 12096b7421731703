package org.understudy.succession.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A recorded dismissal-readiness assessment: what the view answered, the event positions it
 * reflected, who asked, when and why. Immutable (Hibernate never updates it; the table's trigger
 * refuses UPDATE and DELETE) and chained: each record carries the hash of the one before it.
 */
@Entity
@Immutable
@Table(name = "dismissal_assessment")
public class DismissalAssessment {
    /** 1, 2, 3 ... without gaps: the order of the chain. */
    @Id
    @Column(name = "seq")
    public Long sequence;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    @Enumerated(EnumType.STRING)
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_type")
    public OrganisationType organisationType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BoardRole role;

    @Column(nullable = false)
    public boolean credible;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "asked_by", nullable = false)
    public String askedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** The instant asked for; null for the live view. */
    @Column(name = "as_of")
    public OffsetDateTime asOf;

    /** The dismissal-readiness answer, JSON, exactly as returned when it was recorded. */
    @Column(nullable = false)
    public String answer;

    /** The event positions the view reflected, JSON. */
    @Column(nullable = false)
    public String positions;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(name = "record_hash", nullable = false)
    public String recordHash;

    /** What the hash covers: every column but the hash itself. */
    public AssessmentChain.Content content() {
        return new AssessmentChain.Content(sequence, assessmentId, postId, odsCode, region == null ? null : region.name(),
                organisationType == null ? null : organisationType.name(), role.name(), credible, purpose, askedBy,
                recordedAt.toInstant(), asOf == null ? null : asOf.toInstant(), answer, positions, previousHash);
    }
}
