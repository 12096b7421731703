package org.understudy.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response
 * ({@code application/problem+json}). {@code field} names the offending input when there is one;
 * {@code violations} lists every invalid field when several are.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String field,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it is (a JSON path or parameter name) and what is wrong. */
    public record Violation(String field, String message) {
    }
}
