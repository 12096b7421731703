package org.understudy.candidate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;

/** A readiness assessment for one role. */
@Schema(name = "ReadinessRequest")
public record ReadinessRequest(
        @NotNull(message = "is required")
        BoardRole role,
        @NotNull(message = "is required")
        ReadinessLevel level,
        @Schema(description = "Date of the assessment: not in the future, not before the current one for this role", examples = "2026-03-02")
        @NotNull(message = "is required")
        LocalDate assessedOn,
        @Schema(description = "Who made the assessment", examples = "NHS England North West talent board")
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String assessedBy) {
}
