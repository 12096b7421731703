package org.understudy.candidate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.understudy.events.BoardRole;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A post vacancy-service announced on vacancy-events: the local copy that nominations and exits
 * are checked against. A post created a moment ago may not be known here yet.
 */
@Entity
@Table(name = "known_post")
public class KnownPost {
    @Id
    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BoardRole role;

    /** The post's version in vacancy-service, to ignore events not newer than what is held. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
