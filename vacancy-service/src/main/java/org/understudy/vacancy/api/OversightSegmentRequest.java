package org.understudy.vacancy.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The regulator's setting of a trust's oversight segment. */
@Schema(name = "OversightSegmentRequest")
public record OversightSegmentRequest(
        @Schema(description = "NHS Oversight Framework segment, 1 (best) to 5", examples = "4")
        @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        Integer segment,
        @Schema(description = "The day the segment takes effect (not in the future); today when left out", examples = "2026-10-01", maxLength = 10)
        LocalDate since) {
}
