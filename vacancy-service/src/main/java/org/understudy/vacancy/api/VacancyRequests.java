package org.understudy.vacancy.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.LeavingReason;
import org.understudy.events.VacancyStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request bodies of the vacancy endpoints. */
public final class VacancyRequests {
    private VacancyRequests() {
    }

    @Schema(name = "VacancyRequest")
    public record Create(@NotNull(message = "is required") UUID postId,
                         @Schema(description = "Optional now; required (after today) when it opens") LocalDate closingDate) {
    }

    @Schema(name = "VacancyStatusRequest")
    public record StatusChange(
            @Schema(description = "OPEN (advertise; also re-advertises a lapsed or withdrawn vacancy), SHORTLISTING, INTERVIEWING, OFFERED, LAPSED or WITHDRAWN")
            @NotNull(message = "is required") VacancyStatus status,
            @Schema(description = "Required when opening, unless already set; must be after today") LocalDate closingDate,
            @Size(max = 500, message = "must be at most 500 characters") String reason) {
    }

    @Schema(name = "VacancyCloseRequest")
    public record Close(@Schema(description = "LAPSED (no appointment) or WITHDRAWN") @NotNull(message = "is required") VacancyStatus outcome,
                        @Size(max = 500, message = "must be at most 500 characters") String reason) {
    }

    @Schema(name = "ApplicationRequest")
    public record Apply(@NotNull(message = "is required") UUID candidateId,
                        @Schema(description = "Defaults to today") LocalDate appliedOn) {
    }

    @Schema(name = "ShortlistRequest")
    public record Shortlist(@NotNull(message = "is required") @Size(max = 100, message = "at most 100 names")
                            List<@NotNull(message = "must not be null") UUID> applicationIds) {
    }

    @Schema(name = "AppointmentRequest")
    public record Appoint(@NotNull(message = "is required") UUID applicationId,
                          @NotNull(message = "is required") LocalDate startDate,
                          @NotNull(message = "is required") Boolean interim,
                          @Schema(description = "Why the current incumbent leaves; required when the post is held")
                          LeavingReason previousLeftBecause) {
    }
}
