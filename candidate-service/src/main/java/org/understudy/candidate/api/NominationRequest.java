package org.understudy.candidate.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.ReadinessLevel;

import java.util.UUID;

/** The candidate named as successor for a post. */
@Schema(name = "NominationRequest")
public record NominationRequest(
        @Schema(description = "A post known from vacancy-events (one created a moment ago may take a few seconds to be known)")
        @NotNull(message = "is required")
        UUID postId,
        @Schema(description = "How ready the candidate is for this post")
        @NotNull(message = "is required")
        ReadinessLevel readiness) {
}
