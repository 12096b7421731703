package org.understudy.candidate.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.candidate.domain.CandidateService;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.candidate.domain.ReadinessAssessment;
import org.understudy.candidate.persistence.ReadinessAssessmentRepository;
import org.understudy.events.BoardRole;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.Problem;

import java.util.UUID;

@RolesAllowed({Roles.TALENT, Roles.ADMIN})
@Path("/api/v1/candidates/{candidateId}/readiness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness", description = "How ready a candidate is for each board role, with the full history of assessments")
public class ReadinessResource {
    @Inject
    PipelineService pipeline;

    @Inject
    CandidateService candidates;

    @Inject
    ReadinessAssessmentRepository assessments;

    @PUT
    @Operation(summary = "Record a readiness assessment for a role",
            description = "It becomes the current assessment for its role (the earlier ones stay in the history). assessedOn "
                    + "must not be in the future nor before the current assessment for the role. Publishes "
                    + "candidate.readiness-assessed. Optional If-Match with the candidate's ETag.")
    @APIResponse(responseCode = "200", description = "Recorded; ETag carries the candidate's new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReadinessAssessmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Dated before the current assessment, candidate erased, or stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assess(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull(message = "a JSON body is required") ReadinessRequest body) {
        PipelineService.Recorded<ReadinessAssessment> recorded = pipeline.assessReadiness(
                Params.pathId(candidateId, "candidateId", "candidate"), body.role(), body.level(), body.assessedOn(),
                body.assessedBy().strip(), ETags.parse(ifMatch));
        return Response.ok(ReadinessAssessmentResponse.of(recorded.value())).tag(ETags.of(recorded.candidateVersion())).build();
    }

    @GET
    @Path("/history")
    @Operation(summary = "List a candidate's readiness assessments", description = "Every assessment, newest first (by assessedOn, then the later recorded), optionally for one role; paged.")
    @APIResponse(responseCode = "200", description = "One page of assessments")
    @APIResponse(responseCode = "400", description = "Invalid query parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ReadinessAssessmentResponse> history(@PathParam("candidateId") String candidateId,
                                                             @Parameter(schema = @Schema(implementation = BoardRole.class)) @QueryParam("role") String role,
                                                             @Valid @BeanParam PageRequest paging) {
        UUID id = Params.pathId(candidateId, "candidateId", "candidate");
        BoardRole boardRole = Params.queryEnum(BoardRole.class, role, "role");
        candidates.get(id);
        PanacheQuery<ReadinessAssessment> query = assessments.history(id, boardRole).page(paging.page, paging.size);
        return new PageResponse<>(query.list().stream().map(ReadinessAssessmentResponse::of).toList(),
                paging.page, paging.size, query.count());
    }
}
