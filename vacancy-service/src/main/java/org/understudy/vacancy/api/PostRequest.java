package org.understudy.vacancy.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;

/** A post as a client creates it. */
@Schema(name = "PostRequest")
public record PostRequest(
        @Schema(examples = "R0A", maxLength = 5)
        @NotNull(message = "is required")
        @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ODS code)")
        String odsCode,
        @NotNull(message = "is required")
        BoardRole role) {
}
