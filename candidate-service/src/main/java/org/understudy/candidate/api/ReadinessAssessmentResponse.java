package org.understudy.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.candidate.domain.ReadinessAssessment;
import org.understudy.events.BoardRole;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "ReadinessAssessment")
public record ReadinessAssessmentResponse(
        UUID assessmentId,
        UUID candidateId,
        BoardRole role,
        ReadinessLevel level,
        LocalDate assessedOn,
        String assessedBy,
        OffsetDateTime recordedAt,
        @Schema(description = "True for the latest assessment for this role, the one that counts")
        boolean current) {

    static ReadinessAssessmentResponse of(ReadinessAssessment a) {
        return new ReadinessAssessmentResponse(a.assessmentId, a.candidateId, a.role, a.level, a.assessedOn,
                a.assessedBy, a.recordedAt, a.current);
    }
}
