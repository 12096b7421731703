package org.understudy.candidate.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Validates a request built in code (a profile after a merge patch) exactly as a request body is
 * validated, so that a violation is a problem naming the field, as for a body.
 */
@ApplicationScoped
public class Validation {
    public CandidateRequest check(@Valid @NotNull CandidateRequest body) {
        return body;
    }
}
