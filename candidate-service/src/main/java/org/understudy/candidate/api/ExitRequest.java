package org.understudy.candidate.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;

import java.time.LocalDate;
import java.util.UUID;

/** A post the candidate left. */
@Schema(name = "ExitRequest")
public record ExitRequest(
        @Schema(description = "The post, if vacancy-service tracks it (then odsCode and role may be left out)")
        UUID postId,
        @Schema(description = "ODS code of the organisation; required without postId", examples = "R0A", maxLength = 5)
        @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ODS code)")
        String odsCode,
        @Schema(description = "The role left; required without postId")
        BoardRole role,
        @Schema(description = "Last day in post: not in the future", examples = "2025-11-30")
        @NotNull(message = "is required")
        LocalDate date,
        @Schema(description = "RESIGNED, RETIRED and MOVED are voluntary; DISMISSED is not")
        @NotNull(message = "is required")
        ExitReason reason) {
}
