package org.understudy.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.understudy.platform.api.InvalidParameter;
import org.understudy.platform.api.UnstorableText;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@code application/problem+json} response naming the offending
 * field. Nothing internal (stack traces, SQL, class names) reaches the client.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return respond(problem.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response endpointValidation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(invalid(field, "unknown field '" + e.getPropertyName() + "'; allowed: "
                + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")), uri));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "one of " + Arrays.toString(e.getTargetType().getEnumConstants())
                : "a value of type " + simpleType(e.getTargetType());
        return respond(invalid(field, "'" + e.getValue() + "' is not valid here; expected " + expected, uri));
    }

    /** A body's string holding text the database cannot store (a NUL byte): the field is named. */
    @ServerExceptionMapper
    public Response unstorableText(UnstorableText e, UriInfo uri) {
        return respond(invalid(jsonPath(e), UnstorableText.DETAIL, uri));
    }

    /**
     * A value of the wrong JSON shape (an object where a number goes, a string where a list goes, a
     * body that is not an object). Named separately because Quarkus REST's own mapper for exactly this
     * type would otherwise answer with a body of its own, not a problem.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : null;
        String detail = field == null || field.isEmpty()
                ? "the request body is not valid JSON of the expected shape"
                : "the value of '" + field + "' has the wrong type or shape";
        return respond(invalid(field, detail, uri));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response staleVersion(RuntimeException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Conflict", 409,
                "the resource was changed by someone else meanwhile; read it again and retry", path(uri), "version", List.of()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidParameter)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (cause instanceof InvalidParameter invalid) {
            int status = invalid.getResponse().getStatus();
            return respond(new Problem("about:blank", status == 404 ? "Not found" : "Invalid request", status,
                    invalid.getMessage(), path(uri), invalid.parameter(), List.of()));
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = status.getStatusCode() == 404 ? "no resource at this address" : e.getMessage();
        return Response.fromResponse(original)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, path(uri), null, List.of()))
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // Why the token failed (expired, signature, issuer) is logged, not told to the caller.
        LOG.debugf("Refused a request to %s without a valid token: %s", path(uri), e.getMessage());
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unauthorized", 401,
                        "a valid bearer token is required (Authorization: Bearer <token>)", path(uri), "Authorization", List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && e.getMessage().startsWith("your ") ? e.getMessage()
                : "your role may not use this endpoint";
        return respond(new Problem("about:blank", "Forbidden", 403, detail, path(uri), null, List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(new Problem("about:blank", "Internal error", 500,
                "the request could not be completed; it has been logged", path(uri), null, List.of()));
    }

    private Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        Problem.Violation first = violations.isEmpty() ? new Problem.Violation(null, "invalid") : violations.get(0);
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Invalid request", 400, detail, path(uri), first.field(), violations));
    }

    /** "create.body.odsCode" (method, parameter, property) becomes "odsCode"; a query parameter keeps its name. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "unknown" : type.getSimpleName();
    }

    private static Problem invalid(String field, String detail, UriInfo uri) {
        return new Problem("about:blank", "Invalid request", 400, detail, path(uri),
                field == null || field.isEmpty() ? null : field, List.of());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
