package org.understudy.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.understudy.platform.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * Documents what holds for every operation besides its own answers: on every {@code /api} operation the
 * problem a 401 or 403 carries (ProblemMappers), 429
 * (the ingress's rate limit, deploy/k8s), and on an operation with a body 413 (over 1 MB) and 415 (not
 * JSON); everywhere 500, as a problem; the length limit of every text parameter
 * ({@link UnstorableParametersRefused#MAX_LENGTH}, enforced there) and the lengths of a UUID and a date.
 * Registered as {@code mp.openapi.filter}.
 */
public class StandardResponsesDocumentation implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                document(operation.getValue(), path.startsWith("/api/"), path.startsWith("/api/v1/imports/"));
                limitParameters(operation.getValue().getParameters());
            }
            limitParameters(item.getParameters());
        });
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(StandardResponsesDocumentation::limitFormats);
        }
    }

    /** Ids, dates and instants are as long as their format says, wherever they appear. */
    private static void limitFormats(Schema schema) {
        if (schema == null) {
            return;
        }
        String format = schema.getFormat();
        if ("uuid".equals(format)) {
            limit(schema, 36);
        } else if ("date".equals(format)) {
            limit(schema, 10);
        } else if ("date-time".equals(format)) {
            limit(schema, 35);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(StandardResponsesDocumentation::limitFormats);
        }
        limitFormats(schema.getItems());
    }

    private static void limitParameters(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters) {
            if (p.getIn() == Parameter.In.PATH || p.getIn() == Parameter.In.QUERY
                    || (p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
                limit(p.getSchema(), UnstorableParametersRefused.MAX_LENGTH);
            }
        }
    }

    /** A text schema without a length limit gets this one (an enum, a pattern's or a smaller limit stays). */
    private static void limit(Schema schema, int maxLength) {
        if (schema != null && schema.getRef() == null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            schema.setMaxLength(maxLength);
        }
    }

    private static void document(Operation operation, boolean api, boolean file) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        add(responses, "500", "An unexpected failure; the problem's instance names it in the service's log");
        if (!api) {
            return;
        }
        for (String code : List.of("401", "403")) {
            var response = responses.getAPIResponse(code);
            if (response != null && response.getContent() == null) {
                response.content(problem("").getContent());
            }
        }
        if (!responses.hasAPIResponse("429")) {
            responses.addAPIResponse("429", OASFactory.createAPIResponse().description("Too many requests from this client "
                    + "address: the deployment's ingress limits the rate (deploy/k8s, 20 requests a second with bursts of 100); "
                    + "the services themselves do not"));
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", file ? "The file is over the size limit (32 MB)" : "The body is over the size limit (1 MB)");
            add(responses, "415", file ? "The file is neither text/csv nor application/x-ndjson" : "The body is not application/json");
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, problem(description));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
