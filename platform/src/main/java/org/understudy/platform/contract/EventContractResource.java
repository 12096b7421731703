package org.understudy.platform.contract;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The events' contract as every service serves it, open like the OpenAPI document: the AsyncAPI
 * document of the topics, and the JSON Schemas its messages name (the files the services validate
 * events with, from the {@code events} module).
 */
@PermitAll
@Path("/asyncapi")
@Tag(name = "Contracts", description = "The AsyncAPI document of the Kafka topics and its JSON Schemas")
public class EventContractResource {
    private static final Pattern SCHEMA_FILE = Pattern.compile("^[a-z-]+\\.v[0-9]+\\.json$");

    @GET
    @Path("/asyncapi.yaml")
    @Produces("application/yaml")
    @Operation(operationId = "getAsyncApiDocument", summary = "The AsyncAPI 3.0 document of every topic the services write or read")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The document (YAML)")
    @APIResponse(responseCode = "404", description = "Not packaged with this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response document() {
        byte[] document = read("/asyncapi/asyncapi.yaml");
        if (document == null) {
            throw ApiProblem.notFound("asyncapi.yaml", "this service was packaged without the events' AsyncAPI document");
        }
        return Response.ok(document).build();
    }

    @GET
    @Path("/schemas/{file}")
    @Produces("application/schema+json")
    @Operation(operationId = "getEventSchema", summary = "A JSON Schema the AsyncAPI document names, e.g. envelope.v1.json")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The JSON Schema")
    @APIResponse(responseCode = "404", description = "No schema of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response schema(@PathParam("file") String file) {
        byte[] schema = SCHEMA_FILE.matcher(file).matches() ? read("/schemas/" + file) : null;
        if (schema == null) {
            throw ApiProblem.notFound("file", "no event schema named " + file);
        }
        return Response.ok(schema).build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = EventContractResource.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
