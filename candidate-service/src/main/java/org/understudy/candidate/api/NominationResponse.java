package org.understudy.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.candidate.domain.Nomination;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Nomination")
public record NominationResponse(UUID candidateId, UUID postId, ReadinessLevel readiness, LocalDate nominatedOn) {
    static NominationResponse of(Nomination n) {
        return new NominationResponse(n.candidateId, n.postId, n.readiness, n.nominatedOn);
    }
}
