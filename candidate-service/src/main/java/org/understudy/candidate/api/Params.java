package org.understudy.candidate.api;

import jakarta.ws.rs.core.SecurityContext;
import org.understudy.candidate.domain.PersonalDataAudit;
import org.understudy.platform.problem.ApiProblem;

import java.security.Principal;
import java.util.Arrays;
import java.util.UUID;

/**
 * Path and query parameters, parsed here so that a malformed one is a problem naming it (Jakarta
 * REST would answer a bare 404 for a path or query parameter it cannot convert).
 */
final class Params {
    private Params() {
    }

    /** An id in the path: a malformed one names no resource, so it is a 404 naming the parameter. */
    static UUID pathId(String value, String name, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(name, "no " + what + " with id " + value);
        }
    }

    /** An optional id in the query: a malformed one is a 400 naming the parameter. */
    static UUID queryId(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, name + ": '" + value + "' is not a UUID");
        }
    }

    /** An optional enum in the query: an unknown value is a 400 naming the parameter and listing the allowed ones. */
    static <E extends Enum<E>> E queryEnum(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, name + ": '" + value + "' is not valid here; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Who is asking: the verified token's principal (every candidate endpoint requires one). */
    static String reader(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                ? PersonalDataAudit.ANONYMOUS : principal.getName();
    }
}
