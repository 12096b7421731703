package org.understudy.candidate.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.idempotency.IdempotentPost;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.candidate.domain.CareerExit;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.platform.problem.Problem;

import java.util.List;

@RolesAllowed({Roles.TALENT, Roles.ADMIN})
@Path("/api/v1/candidates/{candidateId}/exits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exits", description = "Posts the candidate left, and why: they feed the voluntary-exit and re-appointment figures")
public class ExitResource {
    @Inject
    PipelineService pipeline;

    @POST
    @IdempotentPost
    @Operation(summary = "Record a career exit",
            description = "With postId the post must be known from vacancy-events and odsCode and role may be left out; without "
                    + "it both are required. date must not be in the future. Publishes candidate.exit-recorded. Optional If-Match.")
    @APIResponse(responseCode = "201", description = "Recorded; ETag carries the candidate's new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExitResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate or post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The same exit is recorded already, candidate erased, or stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull(message = "a JSON body is required") ExitRequest body, @Context UriInfo uri) {
        PipelineService.Recorded<CareerExit> recorded = pipeline.recordExit(Params.pathId(candidateId, "candidateId", "candidate"),
                body.postId(), body.odsCode(), body.role(), body.date(), body.reason(), ETags.parse(ifMatch));
        return Response.created(uri.getAbsolutePathBuilder().path(recorded.value().exitId.toString()).build())
                .tag(ETags.of(recorded.candidateVersion()))
                .entity(ExitResponse.of(recorded.value())).build();
    }

    @GET
    @Operation(summary = "List the candidate's career exits", description = "Ordered by date.")
    @APIResponse(responseCode = "200", description = "The exits")
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ExitResponse> list(@PathParam("candidateId") String candidateId) {
        return pipeline.exitsOf(Params.pathId(candidateId, "candidateId", "candidate")).stream().map(ExitResponse::of).toList();
    }
}
