package org.understudy.platform.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * A refusal the API explains: thrown by resources and domain services, turned into a problem
 * response by {@link ProblemMappers}. Throwing it rolls back the transaction, so nothing is stored.
 */
public class ApiProblem extends RuntimeException {
    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final Response.StatusType status;
    private final String title;
    private final String field;

    public ApiProblem(Response.StatusType status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ApiProblem notFound(String field, String detail) {
        return new ApiProblem(Response.Status.NOT_FOUND, "Not found", detail, field);
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(Response.Status.CONFLICT, "Conflict", detail, field);
    }

    /** 422: a well-formed request that cannot be carried out as asked (Response.Status names no 422). */
    public static ApiProblem unprocessable(String field, String title, String detail) {
        return new ApiProblem(UNPROCESSABLE, title, detail, field);
    }

    /** 403 naming the field the caller may not set. */
    public static ApiProblem forbidden(String field, String detail) {
        return new ApiProblem(Response.Status.FORBIDDEN, "Forbidden", detail, field);
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(Response.Status.BAD_REQUEST, "Invalid request", detail, field);
    }

    public Response.StatusType status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    Problem toProblem(String instance) {
        return new Problem("about:blank", title, status.getStatusCode(), getMessage(), instance, field, List.of());
    }
}
