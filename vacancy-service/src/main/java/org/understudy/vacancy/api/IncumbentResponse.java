package org.understudy.vacancy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.LeavingReason;
import org.understudy.vacancy.domain.Incumbency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Schema(name = "Incumbent")
public record IncumbentResponse(UUID candidateId, String name, LocalDate since, LocalDate until, boolean interim,
                                LeavingReason reasonLeft,
                                @Schema(description = "Days in post, to today while they hold it") long tenureDays) {
    static IncumbentResponse of(Incumbency i, LocalDate today) {
        return new IncumbentResponse(i.candidateId, i.personName, i.since, i.until, i.interim, i.reasonLeft,
                Math.max(0, ChronoUnit.DAYS.between(i.since, i.until != null ? i.until : today)));
    }
}
