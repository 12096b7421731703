package org.understudy.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.understudy.platform.problem.ApiProblem;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes an {@link IdempotentPost} safe to retry. Without an {@code Idempotency-Key} header the request
 * runs as always. With one, the key (scoped to the caller, the method and the path) is claimed in the
 * same transaction as the write, and the response stored with it:
 * <ul>
 *     <li>the same key with the same request (its body) answers the first response again, with
 *     {@code Idempotent-Replayed: true}, and changes nothing;</li>
 *     <li>the same key with another request is refused, 422, naming the header;</li>
 *     <li>a request refused (a 4xx problem) or failed stores nothing, so it may be retried with its key.</li>
 * </ul>
 */
@IdempotentPost
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");
    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotencyKeys keys;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.badRequest(HEADER, HEADER + ": must be 1 to 255 visible ASCII characters (a UUID suits)");
        }
        String scope = (identity.isAnonymous() ? "" : identity.getPrincipal().getName()) + " " + request.method().name() + " " + request.path();
        String fingerprint = fingerprint(invocation.getParameters());
        return QuarkusTransaction.joiningExisting().call(() -> {
            Optional<StoredResponse> earlier = keys.claim(scope, key, fingerprint);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
            Object result = invocation.proceed();
            if (result instanceof Response response) {
                keys.complete(scope, key, response.getStatus(), response.getHeaderString(HttpHeaders.LOCATION),
                        response.getHeaderString(HttpHeaders.ETAG),
                        response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
            }
            return result;
        });
    }

    private Response replay(StoredResponse earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw ApiProblem.unprocessable(HEADER, "Idempotency key reused",
                    HEADER + ": this key was used for another request (another body); use a new key for a new request");
        }
        Response.ResponseBuilder replay = Response.status(earlier.status()).header(REPLAYED, "true");
        if (earlier.location() != null) {
            replay.header(HttpHeaders.LOCATION, earlier.location());
        }
        if (earlier.etag() != null) {
            replay.header(HttpHeaders.ETAG, earlier.etag());
        }
        if (earlier.body() != null) {
            replay.entity(earlier.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    /** The request as the resource method sees it (path and query values, headers it reads, body); the path is in the scope. */
    private String fingerprint(Object[] parameters) throws JsonProcessingException, NoSuchAlgorithmException {
        List<Object> values = new ArrayList<>();
        for (Object parameter : parameters) {
            if (!(parameter instanceof UriInfo) && !(parameter instanceof HttpHeaders)) {
                values.add(parameter);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(values)));
    }
}
