package org.understudy.vacancy.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.idempotency.IdempotentPost;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.understudy.events.VacancyStatus;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.api.SortOrder;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.vacancy.domain.Application;
import org.understudy.vacancy.domain.Vacancy;
import org.understudy.vacancy.domain.VacancyService;
import org.understudy.vacancy.persistence.PostRepository;
import org.understudy.vacancy.persistence.VacancyRepository;

import java.util.Map;
import java.util.UUID;

@RolesAllowed({Roles.HR, Roles.TALENT, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/vacancies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Vacancies", description = "Recruitment to a post: DRAFT → OPEN → SHORTLISTING → INTERVIEWING → OFFERED → FILLED, or WITHDRAWN, or LAPSED. "
        + "Every change publishes a vacancy event. Send If-Match with the ETag you read to refuse a change if someone changed the vacancy meanwhile.")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown vacancy, post or application", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Not allowed in the vacancy's status (the problem names the allowed transitions), a duplicate, or a stale If-Match",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// One transaction per request: the service's work and the response's lazy reads see the same state.
@Transactional
public class VacancyResource {
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "closingDate", "closingDate", "status", "status");

    @Inject
    OrganisationAccess access;

    @Inject
    VacancyService service;

    @Inject
    VacancyRepository vacancies;

    @Inject
    PostRepository posts;

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Operation(summary = "Create a vacancy for a post (DRAFT)", description = "At most one vacancy in play per post.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") VacancyRequests.Create body, @Context UriInfo uri) {
        access.requireWriteForPost(body.postId());
        Vacancy created = service.create(body.postId(), body.closingDate());
        return Response.created(uri.getAbsolutePathBuilder().path(created.vacancyId.toString()).build())
                .tag(ETags.of(created.version)).entity(view(created)).build();
    }

    @GET
    @Operation(summary = "List vacancies", description = "Filtered by post, organisation and status; sort by createdAt (default, newest first: -createdAt), closingDate or status; paged.")
    @APIResponse(responseCode = "200", description = "One page of vacancies")
    public PageResponse<VacancyResponse> list(@QueryParam("postId") UUID postId, @QueryParam("odsCode") String odsCode,
                                              @QueryParam("status") VacancyStatus status,
                                              @Parameter(description = "e.g. -createdAt or closingDate,status") @QueryParam("sort") String sort,
                                              @Valid @BeanParam PageRequest paging) {
        PanacheQuery<Vacancy> query = vacancies.search(postId, odsCode, status, SortOrder.parse(sort, SORTABLE, "-createdAt", "vacancyId"))
                .page(paging.page, paging.size);
        return new PageResponse<>(query.list().stream().map(this::view).toList(), paging.page, paging.size, query.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a vacancy with its applications and telemetry")
    @APIResponse(responseCode = "200", description = "The vacancy; ETag carries its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        Vacancy vacancy = service.get(id);
        return Response.ok(view(vacancy)).tag(ETags.of(vacancy.version)).build();
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Path("/{id}/status")
    @Operation(summary = "Move the vacancy on", description = "OPEN needs a closing date after today; opening a LAPSED or WITHDRAWN vacancy re-advertises it (counted). "
            + "A vacancy is FILLED only by an appointment.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull(message = "a JSON body is required") VacancyRequests.StatusChange body) {
        access.requireWriteForVacancy(id);
        return ok(service.changeStatus(id, body.status(), body.closingDate(), body.reason(), ETags.parse(ifMatch)));
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Path("/{id}/close")
    @Operation(summary = "Close the vacancy without an appointment (LAPSED or WITHDRAWN)")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull(message = "a JSON body is required") VacancyRequests.Close body) {
        access.requireWriteForVacancy(id);
        if (body.outcome() != VacancyStatus.LAPSED && body.outcome() != VacancyStatus.WITHDRAWN) {
            throw ApiProblem.badRequest("outcome", "must be LAPSED or WITHDRAWN");
        }
        return ok(service.changeStatus(id, body.outcome(), null, body.reason(), ETags.parse(ifMatch)));
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Path("/{id}/applications")
    @Operation(summary = "Record an application (while OPEN)")
    @APIResponse(responseCode = "201", description = "Recorded; the body is the vacancy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response apply(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull(message = "a JSON body is required") VacancyRequests.Apply body, @Context UriInfo uri) {
        access.requireWriteForVacancy(id);
        Application application = service.apply(id, body.candidateId(),
                body.appliedOn() != null ? body.appliedOn() : service.today(), ETags.parse(ifMatch));
        Vacancy vacancy = application.vacancy;
        return Response.created(uri.getAbsolutePathBuilder().path(application.applicationId.toString()).build())
                .tag(ETags.of(vacancy.version)).entity(view(vacancy)).build();
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @DELETE
    @Path("/{id}/applications/{applicationId}")
    @Operation(summary = "Withdraw an application", description = "The application is kept, marked withdrawn with the reason, and leaves the shortlist.")
    @APIResponse(responseCode = "200", description = "Withdrawn; the body is the vacancy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response withdrawApplication(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
                                        @HeaderParam("If-Match") String ifMatch,
                                        @QueryParam("reason") @Size(max = 500, message = "must be at most 500 characters") String reason) {
        access.requireWriteForVacancy(id);
        return ok(service.withdrawApplication(id, applicationId, reason, ETags.parse(ifMatch)));
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @PUT
    @Path("/{id}/shortlist")
    @Operation(summary = "Set the shortlist (while SHORTLISTING or INTERVIEWING)", description = "Replaces it with these live applications.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response shortlist(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull(message = "a JSON body is required") VacancyRequests.Shortlist body) {
        access.requireWriteForVacancy(id);
        return ok(service.setShortlist(id, body.applicationIds(), ETags.parse(ifMatch)));
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Path("/{id}/appointment")
    @Operation(summary = "Appoint a shortlisted candidate", description = "From INTERVIEWING or OFFERED: the vacancy is FILLED and the post's incumbent changes; "
            + "publishes vacancy.filled and post.incumbent-changed.")
    @APIResponse(responseCode = "200", description = "Appointed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Response appoint(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull(message = "a JSON body is required") VacancyRequests.Appoint body) {
        access.requireWriteForVacancy(id);
        return ok(service.appoint(id, body.applicationId(), body.startDate(), body.interim(), body.previousLeftBecause(), ETags.parse(ifMatch)));
    }

    private Response ok(Vacancy vacancy) {
        return Response.ok(view(vacancy)).tag(ETags.of(vacancy.version)).build();
    }

    private VacancyResponse view(Vacancy vacancy) {
        return VacancyResponse.of(vacancy, posts.findById(vacancy.postId), service.today());
    }
}
