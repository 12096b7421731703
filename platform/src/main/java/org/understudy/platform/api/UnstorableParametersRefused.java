package org.understudy.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.understudy.platform.problem.ApiProblem;

import java.util.List;
import java.util.Map;

/**
 * A path or query parameter, or an {@code If-Match} header, that no endpoint could take is refused with
 * 400 naming it, once the request has found its endpoint: text the database cannot store
 * ({@link UnstorableText}; without this, {@code GET /api/v1/organisations/%00} reached PostgreSQL, which
 * refused the NUL byte, and the service answered 500), or a value over {@link #MAX_LENGTH} characters
 * (no parameter of the API needs more: ids, codes, dates, enum names, sort orders). The OpenAPI
 * documents say so ({@link StandardResponsesDocumentation}).
 */
@Provider
@Priority(Priorities.USER)
public class UnstorableParametersRefused implements ContainerRequestFilter {
    /** The longest value a parameter may have. */
    public static final int MAX_LENGTH = 200;
    private static final String IF_MATCH = "If-Match";

    @Override
    public void filter(ContainerRequestContext request) {
        refuse(request.getUriInfo().getPathParameters());
        refuse(request.getUriInfo().getQueryParameters());
        String ifMatch = request.getHeaderString(IF_MATCH);
        if (ifMatch != null && ifMatch.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest(IF_MATCH, "must be at most " + MAX_LENGTH + " characters");
        }
    }

    private static void refuse(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (UnstorableText.isUnstorable(parameter.getKey())) {
                throw ApiProblem.badRequest(null, "a parameter's name " + UnstorableText.DETAIL);
            }
            for (String value : parameter.getValue()) {
                if (UnstorableText.isUnstorable(value)) {
                    throw ApiProblem.badRequest(parameter.getKey(), UnstorableText.DETAIL);
                }
                if (value.length() > MAX_LENGTH) {
                    throw ApiProblem.badRequest(parameter.getKey(), "must be at most " + MAX_LENGTH + " characters");
                }
            }
        }
    }
}
