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
        @Schema(description = "True when the status is PASSED but the check is more than 12 months old: it no longer counts")
        boolean lapsed,
        @Schema(description = "For PASSED: the first day on which the check counts as lapsed")
        LocalDate lapsesOn) {

    static FitAndProperResponse of(Candidate c, LocalDate today) {
        return new FitAndProperResponse(c.fitAndProperStatus, c.fitAndProperCheckedOn,
                FitAndProperRule.lapsed(c.fitAndProperStatus, c.fitAndProperCheckedOn, today),
                FitAndProperRule.lapsesOn(c.fitAndProperStatus, c.fitAndProperCheckedOn));
    }
}
