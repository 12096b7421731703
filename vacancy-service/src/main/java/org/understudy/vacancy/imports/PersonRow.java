package org.understudy.vacancy.imports;

import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.IncumbentService;

import java.util.UUID;

/** The person a row names: a candidate id (from candidate-service), or a name for someone not in the pipeline. */
final class PersonRow {
    private PersonRow() {
    }

    static IncumbentService.Person of(UUID candidateId, String name) {
        boolean named = name != null && !name.isBlank();
        if ((candidateId == null) == !named) {
            throw ApiProblem.badRequest("candidateId", "candidateId: give exactly one of candidateId and name");
        }
        return new IncumbentService.Person(candidateId, named ? name.strip() : null);
    }
}
