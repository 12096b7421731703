package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.Region;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.succession.domain.AssessmentLedger;
import org.understudy.succession.domain.DismissalAssessment;
import org.understudy.succession.events.AssessmentEvents;
import org.understudy.succession.events.PublishedChain;
import org.understudy.succession.persistence.AssessmentRepository;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Dismissal-readiness assessments: an immutable record of what the view answered when a decision
 * was taken. Append-only: there is no update or delete, and the table refuses both.
 */
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Record what was known when a decision was taken: the dismissal-readiness answer, "
        + "the event positions it reflected, who asked, when and why. Append-only and hash-chained.")
@APIResponse(responseCode = "400", description = "Invalid field or parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AssessmentResource {
    @Inject
    AssessmentLedger ledger;

    @Inject
    AssessmentRepository assessments;

    @Inject
    Requester requester;

    @Inject
    ObjectMapper json;

    @Inject
    AssessmentEvents events;

    @Inject
    PublishedChain published;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a dismissal-readiness assessment",
            description = "Stores the post's dismissal-readiness answer (live, or as of asOf), the highest applied offset of each "
                    + "topic-partition, who asked, when and the purpose; chained to the previous record by its hash.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(responseCode = "404", description = "The post is unknown to the view (or was not yet known at asOf)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The view is being rebuilt",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public Response record(@Valid @NotNull(message = "a JSON body is required") AssessmentRequest body, @Context UriInfo uri) {
        OffsetDateTime asOf = Instants.parse("asOf", body.asOf());
        DismissalAssessment recorded = ledger.record(body.postId(), body.purpose().strip(), asOf, requester.name());
        events.recorded(recorded);
        return Response.created(uri.getAbsolutePathBuilder().path(recorded.assessmentId.toString()).build())
                .entity(AssessmentResponse.of(recorded, json)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List recorded assessments, newest first",
            description = "Filtered by post, organisation (ODS code), region and the period they were recorded in; paged.")
    @APIResponse(responseCode = "200", description = "One page of recorded assessments")
    public PageResponse<AssessmentResponse> list(@QueryParam("postId") UUID postId,
                                                 @QueryParam("odsCode") String odsCode,
                                                 @QueryParam("region") Region region,
                                                 @Parameter(description = "Recorded at or after this ISO-8601 instant or date") @QueryParam("from") String from,
                                                 @Parameter(description = "Recorded at or before this ISO-8601 instant or date") @QueryParam("to") String to,
                                                 @Valid @BeanParam PageRequest paging) {
        OffsetDateTime start = Instants.parse("from", from);
        OffsetDateTime end = Instants.parse("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.badRequest("to", "must not be before from");
        }
        AssessmentRepository.Filter filter = new AssessmentRepository.Filter(postId,
                odsCode == null || odsCode.isBlank() ? null : odsCode.strip().toUpperCase(), region, start, end);
        return new PageResponse<>(assessments.search(filter, paging.page, paging.size).stream()
                .map(a -> AssessmentResponse.of(a, json)).toList(), paging.page, paging.size, assessments.count(filter));
    }

    @GET
    @Path("/{assessmentId}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "One recorded assessment, as stored")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AssessmentResponse get(@PathParam("assessmentId") UUID assessmentId) {
        DismissalAssessment a = assessments.findByAssessmentId(assessmentId);
        if (a == null) {
            throw ApiProblem.notFound("assessmentId", "no assessment with id " + assessmentId);
        }
        return AssessmentResponse.of(a, json);
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Verify the hash chain of every recorded assessment",
            description = "Walks the records in order: each must match its own hash and carry the hash of the one before. "
                    + "Reports OK, or the first broken record and why.")
    @APIResponse(responseCode = "200", description = "The verification (status OK or BROKEN)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationResponse.class)))
    public VerificationResponse verify() {
        Map<Long, String> hashes;
        try {
            hashes = published.hashesBySequence();
        } catch (RuntimeException e) {
            return VerificationResponse.of(ledger.verify(Map.of()), null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return VerificationResponse.of(ledger.verify(hashes), hashes.size(), null);
    }
}
