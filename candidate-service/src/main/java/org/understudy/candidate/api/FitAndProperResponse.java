package org.understudy.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.FitAndProperRule;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;

@Schema(name = "FitAndProper")
public record FitAndProperResponse(
        FitAndProperStatus status,
        @Schema(description = "Date of the last check; null when none is known")
        LocalDate checkedOn,
        @Schema(description = "True when the last check (PASSED, or the one before a PENDING re-check) is more than 12 months old: it no longer counts")
        boolean lapsed,
        @Schema(description = "The first day on which the last check counts as lapsed; null for a FAILED check or none")
        LocalDate lapsesOn) {

    static FitAndProperResponse of(Candidate c, LocalDate today) {
        return new FitAndProperResponse(c.fitAndProperStatus, c.fitAndProperCheckedOn,
                FitAndProperRule.lapsed(c.fitAndProperStatus, c.fitAndProperCheckedOn, today),
                FitAndProperRule.lapsesOn(c.fitAndProperStatus, c.fitAndProperCheckedOn));
    }
}
