package org.understudy.vacancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.events.PostState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A board role at an organisation: at most one per role and organisation. */
@Entity
@Table(name = "post")
public class Post {
    @Id
    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BoardRole role;

    /** The aggregate version: 1 when created, one more per change; carried in every event. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "last_departure_date")
    public LocalDate lastDepartureDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_departure_reason")
    public LeavingReason lastDepartureReason;

    /** Interim cover named for the post: a candidate id, or a name held only here. */
    @Column(name = "interim_cover_candidate_id")
    public UUID interimCoverCandidateId;

    @Column(name = "interim_cover_name")
    public String interimCoverName;

    /** Null when no interim cover is named. */
    @Column(name = "interim_cover_named_on")
    public LocalDate interimCoverNamedOn;

    /** The post's state for its events, with its current incumbent (null when vacant). */
    public PostState toState(Incumbency current) {
        return new PostState(postId, odsCode, role,
                current == null ? null : new PostState.Incumbent(current.candidateId, current.since, current.interim),
                lastDepartureDate == null ? null : new PostState.Departure(lastDepartureDate, lastDepartureReason),
                interimCoverNamedOn == null ? null : new PostState.InterimCover(interimCoverCandidateId, interimCoverNamedOn));
    }

    /** Names (or, with a null date, clears) the interim cover; true if anything changed. */
    public boolean nameInterimCover(UUID candidateId, String name, LocalDate namedOn) {
        boolean changed = !Objects.equals(interimCoverCandidateId, candidateId)
                || !Objects.equals(interimCoverName, name) || !Objects.equals(interimCoverNamedOn, namedOn);
        interimCoverCandidateId = candidateId;
        interimCoverName = name;
        interimCoverNamedOn = namedOn;
        return changed;
    }

    /** A change of the post: the version grows by one. */
    public void changed(OffsetDateTime now) {
        version++;
        updatedAt = now;
    }
}
