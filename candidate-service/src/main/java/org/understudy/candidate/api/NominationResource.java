package org.understudy.candidate.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.idempotency.IdempotentPost;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.understudy.candidate.domain.Nomination;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.platform.problem.Problem;

import java.util.List;
import java.util.UUID;

@RolesAllowed({Roles.TALENT, Roles.ADMIN})
@Path("/api/v1/candidates/{candidateId}/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nominations", description = "The candidate named as successor for specific posts")
public class NominationResource {
    @Inject
    PipelineService pipeline;

    @POST
    @IdempotentPost
    @Operation(summary = "Name the candidate as successor for a post",
            description = "The post must be known from vacancy-events: a post created a moment ago may take a few seconds to "
                    + "be known here (404 meanwhile; retry). At most one nomination per candidate and post. The candidate must "
                    + "be ACTIVE. Publishes candidate.nominated. Optional If-Match.")
    @APIResponse(responseCode = "201", description = "Nominated; ETag carries the candidate's new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NominationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate or post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already nominated for this post, candidate not active, or stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response nominate(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull(message = "a JSON body is required") NominationRequest body, @Context UriInfo uri) {
        PipelineService.Recorded<Nomination> recorded = pipeline.nominate(Params.pathId(candidateId, "candidateId", "candidate"),
                body.postId(), body.readiness(), ETags.parse(ifMatch));
        return Response.created(uri.getAbsolutePathBuilder().path(body.postId().toString()).build())
                .tag(ETags.of(recorded.candidateVersion()))
                .entity(NominationResponse.of(recorded.value())).build();
    }

    @GET
    @Operation(summary = "List the candidate's nominations", description = "Ordered by date, then post.")
    @APIResponse(responseCode = "200", description = "The nominations")
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<NominationResponse> list(@PathParam("candidateId") String candidateId) {
        return pipeline.nominationsOf(Params.pathId(candidateId, "candidateId", "candidate")).stream()
                .map(NominationResponse::of).toList();
    }

    @DELETE
    @Path("/{postId}")
    @Operation(summary = "Withdraw a nomination", description = "Publishes candidate.nomination-withdrawn. Optional If-Match.")
    @APIResponse(responseCode = "204", description = "Withdrawn; ETag carries the candidate's new version")
    @APIResponse(responseCode = "404", description = "Unknown candidate, or not nominated for this post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Candidate erased, or stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("candidateId") String candidateId, @PathParam("postId") String postId,
                             @HeaderParam("If-Match") String ifMatch) {
        UUID id = Params.pathId(candidateId, "candidateId", "candidate");
        long version = pipeline.withdrawNomination(id, Params.pathId(postId, "postId", "nomination for post"), ETags.parse(ifMatch));
        return Response.noContent().tag(ETags.of(version)).build();
    }
}
