package org.understudy.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.candidate.domain.CareerExit;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Exit")
public record ExitResponse(UUID exitId, UUID candidateId, UUID postId, String odsCode, BoardRole role,
                           LocalDate date, ExitReason reason, OffsetDateTime recordedAt) {
    static ExitResponse of(CareerExit e) {
        return new ExitResponse(e.exitId, e.candidateId, e.postId, e.odsCode, e.role, e.date, e.reason, e.recordedAt);
    }
}
