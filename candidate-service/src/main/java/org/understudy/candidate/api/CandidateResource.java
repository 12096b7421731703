package org.understudy.candidate.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.idempotency.IdempotentPost;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.CandidateService;
import org.understudy.candidate.domain.CandidateViews;
import org.understudy.candidate.domain.PersonalDataAudit;
import org.understudy.candidate.domain.Today;
import org.understudy.candidate.persistence.CandidateRepository;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;

import java.util.List;
import java.util.UUID;

/**
 * Candidates: registration, reading, change, withdrawal and erasure. Every response that carries
 * personal data is recorded, in the same transaction, in the personal-data audit.
 */
@RolesAllowed({Roles.TALENT, Roles.ADMIN})
@Path("/api/v1/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Candidates", description = "People in the leadership pipeline (personal data: every read is audited)")
public class CandidateResource {
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String CREATE = "POST /api/v1/candidates";
    static final String LIST = "GET /api/v1/candidates";
    static final String READ = "GET /api/v1/candidates/{candidateId}";
    static final String UPDATE = "PATCH /api/v1/candidates/{candidateId}";
    static final String WITHDRAW = "POST /api/v1/candidates/{candidateId}/withdrawal";

    @Inject
    CandidateService service;

    @Inject
    CandidateViews views;

    @Inject
    PersonalDataAudit audit;

    @Inject
    Today today;

    @Inject
    Validation validation;

    @Inject
    ObjectMapper mapper;

    @POST
    @IdempotentPost
    @Transactional
    @Operation(summary = "Register a candidate",
            description = "Status ACTIVE, fit-and-proper PENDING, version 1. Publishes candidate.registered on candidate-events "
                    + "(without personal data). The response carries personal data and is audited.")
    @APIResponse(responseCode = "201", description = "Registered; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A candidate with this e-mail address is registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull(message = "a JSON body is required") CandidateRequest body,
                             @Context UriInfo uri, @Context SecurityContext security) {
        Candidate created = service.register(body.toProfile());
        return Response.created(uri.getAbsolutePathBuilder().path(created.candidateId.toString()).build())
                .tag(ETags.of(created.version))
                .entity(disclose(created, security, CREATE)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List candidates",
            description = "Filtered (all filters together), in registration order, paged. role and readinessLevel match the "
                    + "current assessment (both: currently at this level for this role); region and organisationType match "
                    + "mobility. Each candidate on the page is recorded in the personal-data audit.")
    @APIResponse(responseCode = "200", description = "One page of candidates")
    @APIResponse(responseCode = "400", description = "Invalid query parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<CandidateResponse> list(
            @Parameter(schema = @Schema(implementation = CandidateStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = BoardRole.class)) @QueryParam("role") String role,
            @Parameter(schema = @Schema(implementation = ReadinessLevel.class)) @QueryParam("readinessLevel") String level,
            @Parameter(description = "A region the candidate would work in", schema = @Schema(implementation = Region.class))
            @QueryParam("region") String region,
            @Parameter(description = "An organisation type the candidate would work in", schema = @Schema(implementation = OrganisationType.class))
            @QueryParam("organisationType") String organisationType,
            @Parameter(schema = @Schema(implementation = FitAndProperStatus.class)) @QueryParam("fitAndProperStatus") String fitAndProper,
            @Valid @BeanParam PageRequest paging,
            @Context SecurityContext security) {
        CandidateRepository.Filter filter = new CandidateRepository.Filter(
                Params.queryEnum(CandidateStatus.class, status, "status"),
                Params.queryEnum(BoardRole.class, role, "role"),
                Params.queryEnum(ReadinessLevel.class, level, "readinessLevel"),
                Params.queryEnum(Region.class, region, "region"),
                Params.queryEnum(OrganisationType.class, organisationType, "organisationType"),
                Params.queryEnum(FitAndProperStatus.class, fitAndProper, "fitAndProperStatus"));
        PanacheQuery<Candidate> query = service.search(filter).page(paging.page, paging.size);
        List<Candidate> page = query.list();
        audit.disclosed(page, Params.reader(security), LIST);
        List<CandidateResponse> items = views.of(page).stream().map(v -> CandidateResponse.of(v, today.date())).toList();
        return new PageResponse<>(items, paging.page, paging.size, query.count());
    }

    @GET
    @Path("/{candidateId}")
    @Transactional
    @Operation(summary = "Read a candidate",
            description = "With personal data (audited). An erased candidate is still found, with status ERASED and no personal data.")
    @APIResponse(responseCode = "200", description = "The candidate; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("candidateId") String candidateId, @Context SecurityContext security) {
        Candidate candidate = service.get(Params.pathId(candidateId, "candidateId", "candidate"));
        return Response.ok(disclose(candidate, security, READ)).tag(ETags.of(candidate.version)).build();
    }

    @PATCH
    @Path("/{candidateId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Transactional(rollbackOn = Exception.class)
    @Operation(summary = "Change a candidate's profile",
            description = "A JSON merge patch (RFC 7396) of the registration fields: a field sent replaces the one held "
                    + "(mobility merges field by field), null clears an optional field, a field left out stays. Publishes "
                    + "candidate.updated naming the changed fields (never their values) when anything changed. Send If-Match "
                    + "with the ETag you read to refuse the change if someone changed the candidate meanwhile.")
    @APIResponse(responseCode = "200", description = "The candidate as changed (audited); ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match, erased candidate, or e-mail address taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(content = {
                                   @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CandidatePatch.class)),
                                   @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidatePatch.class))})
                           JsonNode patch,
                           @Context SecurityContext security) throws JsonProcessingException {
        UUID id = Params.pathId(candidateId, "candidateId", "candidate");
        Long expectedVersion = ETags.parse(ifMatch);
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.badRequest(null, "the body must be a JSON object with the fields to change (a JSON merge patch)");
        }
        mapper.treeToValue(patch, CandidatePatch.class); // refuses unknown fields and wrong types before anything is locked
        Candidate candidate = service.lockForChange(id, expectedVersion);
        JsonNode merged = MergePatch.apply(mapper.valueToTree(CandidateRequest.of(candidate.profile())), patch);
        CandidateRequest changed = validation.check(mapper.treeToValue(merged, CandidateRequest.class));
        service.update(candidate, changed.toProfile());
        return Response.ok(disclose(candidate, security, UPDATE)).tag(ETags.of(candidate.version)).build();
    }

    @POST
    @IdempotentPost
    @Path("/{candidateId}/withdrawal")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Withdraw a candidate from the pipeline",
            description = "Keeps everything (unlike DELETE); the candidate no longer counts and cannot be nominated. "
                    + "Publishes candidate.withdrawn. Optional If-Match.")
    @APIResponse(responseCode = "200", description = "The candidate, withdrawn (audited)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn or erased, or stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch,
                             @Context SecurityContext security) {
        Candidate candidate = service.withdraw(Params.pathId(candidateId, "candidateId", "candidate"), ETags.parse(ifMatch));
        return Response.ok(disclose(candidate, security, WITHDRAW)).tag(ETags.of(candidate.version)).build();
    }

    @DELETE
    @Path("/{candidateId}")
    @Operation(summary = "Erase a candidate",
            description = "Removes the personal data for good and everything else about the person (readiness history, "
                    + "fit-and-proper status, mobility, nominations, exits); the id stays, with status ERASED. Publishes "
                    + "candidate.erased, whose state carries only the id and the status, so that every consumer can drop "
                    + "the candidate. Erasing an erased candidate changes nothing. Optional If-Match.")
    @APIResponse(responseCode = "204", description = "Erased (or erased already)")
    @APIResponse(responseCode = "404", description = "Unknown candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response erase(@PathParam("candidateId") String candidateId, @HeaderParam("If-Match") String ifMatch) {
        service.erase(Params.pathId(candidateId, "candidateId", "candidate"), ETags.parse(ifMatch));
        return Response.noContent().build();
    }

    /** The response body for a candidate, recorded as a disclosure of personal data. */
    private CandidateResponse disclose(Candidate candidate, SecurityContext security, String endpoint) {
        audit.disclosed(List.of(candidate), Params.reader(security), endpoint);
        return CandidateResponse.of(views.of(candidate), today.date());
    }
}
