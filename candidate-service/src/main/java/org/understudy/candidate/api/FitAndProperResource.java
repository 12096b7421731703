package org.understudy.candidate.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.CandidateService;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.candidate.domain.Today;
import org.understudy.platform.problem.Problem;

@RolesAllowed({Roles.TALENT, Roles.ADMIN})
@Path("/api/v1/candidates/{candidateId}/fit-and-proper")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fit and proper", description = "The NHS England fit and proper person status; a PASSED check lapses after 12 months")
public class FitAndProperResource {
    @Inject
    PipelineService pipeline;

    @Inject
    CandidateService candidates;

    @Inject
    Today today;

    @PUT
    @Operation(summary = "Record a fit and proper person check",
            description = "PASSED and FAILED need checkedOn (not in the future, not before the date held); PENDING may carry "
                    + "the date of the last check. The response says whether a PASSED check has lapsed (older than 12 months). "
                    + "Publishes candidate.fit-and-proper-recorded when anything changed. Optional If-Match.")
    @APIResponse(responseCode = "200", description = "Recorded; ETag carries the candidate's version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitAndProperResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Dated before the check held, candidate erased, or stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull(message = "a JSON body is required") FitAndProperRequest body) {
        Candidate candidate = pipeline.recordFitAndProper(Params.pathId(candidateId, "candidateId", "candidate"),
                body.status(), body.checkedOn(), ETags.parse(ifMatch));
        return Response.ok(FitAndProperResponse.of(candidate, today.date())).tag(ETags.of(candidate.version)).build();
    }

    @GET
    @Operation(summary = "Read a candidate's fit and proper person status", description = "With whether a PASSED check has lapsed.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitAndProperResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("candidateId") String candidateId) {
        Candidate candidate = candidates.get(Params.pathId(candidateId, "candidateId", "candidate"));
        return Response.ok(FitAndProperResponse.of(candidate, today.date())).tag(ETags.of(candidate.version)).build();
    }
}
