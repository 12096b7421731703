package org.understudy.vacancy.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.IncumbentService;

import java.time.LocalDate;
import java.util.UUID;

/** Who would cover the post as interim if its leader had to go at once: a candidate id, or a name (held only here). */
@Schema(name = "InterimCoverRequest")
public record InterimCoverRequest(
        UUID candidateId,
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
        @NotNull(message = "is required") LocalDate namedOn) {

    IncumbentService.Person person() {
        if ((candidateId == null) == (name == null || name.isBlank())) {
            throw ApiProblem.badRequest("candidateId", "give exactly one of candidateId and name");
        }
        return new IncumbentService.Person(candidateId, name == null ? null : name.strip());
    }
}
