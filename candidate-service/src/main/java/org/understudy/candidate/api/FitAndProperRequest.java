package org.understudy.candidate.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;

/** The outcome of a fit and proper person check. */
@Schema(name = "FitAndProperRequest")
public record FitAndProperRequest(
        @NotNull(message = "is required")
        FitAndProperStatus status,
        @Schema(description = "Date of the check: required for PASSED and FAILED, optional for PENDING (the last check); "
                + "not in the future, not before the date held", examples = "2026-01-15")
        LocalDate checkedOn) {
}
