package org.understudy.vacancy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.vacancy.domain.Incumbency;
import org.understudy.vacancy.domain.Post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Post")
public record PostResponse(UUID postId, String odsCode, BoardRole role,
                           @Schema(description = "Who holds the post now; null when vacant") IncumbentResponse incumbent,
                           LocalDate lastDepartureDate, LeavingReason lastDepartureReason,
                           long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    static PostResponse of(Post p, Incumbency current, LocalDate today) {
        return new PostResponse(p.postId, p.odsCode, p.role, current == null ? null : IncumbentResponse.of(current, today),
                p.lastDepartureDate, p.lastDepartureReason, p.version, p.createdAt, p.updatedAt);
    }
}
