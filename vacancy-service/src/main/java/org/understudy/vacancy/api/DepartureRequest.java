package org.understudy.vacancy.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.LeavingReason;

import java.time.LocalDate;

/** The incumbent leaves, and the post becomes vacant. */
@Schema(name = "DepartureRequest")
public record DepartureRequest(@NotNull(message = "is required") LocalDate date,
                               @NotNull(message = "is required") LeavingReason reason) {
}
