package org.understudy.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over its limit as a problem (413), before reading it:
 * {@code understudy.imports.max-file-size} for an import file ({@code /api/v1/imports/...}),
 * {@code understudy.http.max-body-size} for any other body. Without this the HTTP layer refuses it
 * with an empty body, the only refusal that would not be application/problem+json. The HTTP layer's
 * own limit ({@code quarkus.http.limits.max-body-size}) is the import file's: a chunked body without
 * a length is cut off there, with an empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {
    static final String IMPORTS = "/api/v1/imports/";

    @ConfigProperty(name = "understudy.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @ConfigProperty(name = "understudy.imports.max-file-size", defaultValue = "32M")
    MemorySize maxImportFileSize;

    void install(@Observes Router router) {
        long body = maxBodySize.asLongValue();
        long file = maxImportFileSize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            long max = ctx.request().path().startsWith(IMPORTS) ? file : body;
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length, max)) {
                JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Payload Too Large").put("status", 413)
                        .put("detail", "the request body is over " + max + " bytes").put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }
}
