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
 * A path or query parameter holding text the database cannot store ({@link UnstorableText}) is refused
 * with 400 naming the parameter, once the request has found its endpoint. Without it,
 * {@code GET /api/v1/organisations/%00} reached PostgreSQL, which refused the NUL byte, and the service
 * answered 500.
 */
@Provider
@Priority(Priorities.USER)
public class UnstorableParametersRefused implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        refuse(request.getUriInfo().getPathParameters());
        refuse(request.getUriInfo().getQueryParameters());
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
            }
        }
    }
}
