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
                           @Schema(description = "Who would cover as interim if the leader had to go; null when none is named")
                           InterimCover interimCover,
                           long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record InterimCover(UUID candidateId, String name, LocalDate namedOn) {
    }

    static PostResponse of(Post p, Incumbency current, LocalDate today) {
        return new PostResponse(p.postId, p.odsCode, p.role, current == null ? null : IncumbentResponse.of(current, today),
                p.lastDepartureDate, p.lastDepartureReason,
                p.interimCoverNamedOn == null ? null : new InterimCover(p.interimCoverCandidateId, p.interimCoverName, p.interimCoverNamedOn),
                p.version, p.createdAt, p.updatedAt);
    }
}
