package org.understudy.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.understudy.platform.problem.Problem;

import java.util.Map;

/**
 * Documents, on every {@code /api} operation, the answers any of them can give besides its own: 500 and
 * 429 (the ingress's rate limit, deploy/k8s), and on an operation with a body 413 (over 1 MB) and 415 (not
 * JSON); the services' own as problems. Registered as {@code mp.openapi.filter}.
 */
public class StandardResponsesDocumentation implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                    document(operation.getValue());
                }
            }
        });
    }

    private static void document(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        add(responses, "500", "An unexpected failure; the problem's instance names it in the service's log");
        if (!responses.hasAPIResponse("429")) {
            responses.addAPIResponse("429", OASFactory.createAPIResponse().description("Too many requests from this client "
                    + "address: the deployment's ingress limits the rate (deploy/k8s, 20 requests a second with bursts of 100); "
                    + "the services themselves do not"));
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is over the size limit (1 MB)");
            add(responses, "415", "The body is not application/json");
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
