package org.understudy.platform.idempotency;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.understudy.platform.api.StandardResponsesDocumentation;

/**
 * Documents the {@code Idempotency-Key} header, its replay header and its 422 on every POST of a service
 * whose POSTs are all {@link IdempotentPost} (set as {@code mp.openapi.filter} by such a service), besides
 * the standard answers {@link StandardResponsesDocumentation} documents.
 */
public class IdempotencyKeyDocumentation extends StandardResponsesDocumentation {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Operation post = path.getPOST();
            if (post == null) {
                continue;
            }
            post.addParameter(OASFactory.createParameter()
                    .name(IdempotencyInterceptor.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("Made up by the client once per request (a UUID suits) and sent again with every retry of it: "
                            + "the same key with the same request answers the first response (with Idempotent-Replayed: true) "
                            + "and changes nothing; with another request, 422. Kept 24 hours.")
                    .schema(OASFactory.createSchema().type(java.util.List.of(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING))
                            .minLength(1).maxLength(255).pattern("^[\\x21-\\x7e]+$")));
            if (post.getResponses() != null) {
                post.getResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                        .description("The Idempotency-Key was used for another request")
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            }
        }
    }
}
