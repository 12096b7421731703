package org.understudy.vacancy.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.LeavingReason;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.IncumbentService;

import java.time.LocalDate;
import java.util.UUID;

/** A new incumbent for a post: a candidate id, or a name for someone not in the pipeline (never published). */
@Schema(name = "IncumbentRequest")
public record IncumbentRequest(
        @Schema(description = "The person's id in candidate-service, where they are in the pipeline")
        UUID candidateId,
        @Schema(description = "The person's name, when they are not in the pipeline; held only in vacancy-service")
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        String name,
        @NotNull(message = "is required")
        LocalDate since,
        @NotNull(message = "is required")
        Boolean interim,
        @Schema(description = "Why the current incumbent leaves; required when the post is held")
        LeavingReason previousLeftBecause) {

    IncumbentService.Person person() {
        if ((candidateId == null) == (name == null || name.isBlank())) {
            throw ApiProblem.badRequest("candidateId", "give exactly one of candidateId and name");
        }
        return new IncumbentService.Person(candidateId, name == null ? null : name.strip());
    }
}
