package org.understudy.candidate.imports;

import org.understudy.platform.problem.ApiProblem;

/** The refusal of a row that changes a dated record imported before: a record of what happened is not rewritten. */
final class Unchangeable {
    private Unchangeable() {
    }

    static ApiProblem refusal(String what) {
        return ApiProblem.conflict("key", what + " was imported with this key and other content; what happened is not rewritten: "
                + "a later event is a row of its own, with its own key");
    }
}
