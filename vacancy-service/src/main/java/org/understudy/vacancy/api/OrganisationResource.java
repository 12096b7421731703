package org.understudy.vacancy.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.idempotency.IdempotentPost;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.api.SortOrder;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import org.understudy.vacancy.domain.Caller;
import org.understudy.vacancy.domain.Organisation;
import org.understudy.vacancy.domain.OversightSegmentSetting;
import org.understudy.vacancy.domain.OrganisationService;
import org.understudy.vacancy.persistence.OrganisationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

@RolesAllowed({Roles.HR, Roles.TALENT, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "NHS trusts and their oversight segment")
public class OrganisationResource {
    private static final Map<String, String> SORTABLE = Map.of("odsCode", "odsCode", "name", "name", "region", "region",
            "oversightSegment", "oversightSegment");

    @Inject
    OrganisationAccess access;

    @Inject
    OrganisationService service;

    @Inject
    OrganisationRepository organisations;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Operation(summary = "Register an organisation", description = "Publishes organisation.created on vacancy-events.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not this caller's organisation, or an oversight segment from a caller who may not set it (field oversightSegment)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ODS code already registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") OrganisationRequest body, @Context UriInfo uri) {
        if (body.odsCode() == null) {
            throw ApiProblem.badRequest("odsCode", "odsCode: is required");
        }
        access.requireWrite(body.odsCode());
        Organisation created = service.create(body.toDetails(body.odsCode()), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(created.odsCode).build())
                .tag(ETags.of(created.version))
                .entity(OrganisationResponse.of(created)).build();
    }

    @GET
    @Operation(summary = "List organisations", description = "Filtered by region, type and segment; sort by odsCode (default), name, region or oversightSegment; paged.")
    public PageResponse<OrganisationResponse> list(@QueryParam("region") Region region,
                                                   @QueryParam("organisationType") OrganisationType type,
                                                   @QueryParam("oversightSegment") @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer segment,
                                                   @Parameter(description = "e.g. -oversightSegment,name") @QueryParam("sort") String sort,
                                                   @Valid @BeanParam PageRequest paging) {
        PanacheQuery<Organisation> query = organisations.search(region, type, segment, SortOrder.parse(sort, SORTABLE, "odsCode", "odsCode"))
                .page(paging.page, paging.size);
        return new PageResponse<>(query.list().stream().map(OrganisationResponse::of).toList(), paging.page, paging.size, query.count());
    }

    @GET
    @Path("/{odsCode}")
    @Operation(summary = "Read an organisation")
    @APIResponse(responseCode = "200", description = "The organisation; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown ODS code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("odsCode") String odsCode) {
        Organisation organisation = service.get(odsCode);
        return Response.ok(OrganisationResponse.of(organisation)).tag(ETags.of(organisation.version)).build();
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @PUT
    @Path("/{odsCode}")
    @Operation(summary = "Replace an organisation's details",
            description = "Publishes organisation.updated (naming the changed fields) when anything changed. "
                    + "Send If-Match with the ETag you read to refuse the update if someone changed it meanwhile.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not this caller's organisation, or a changed oversight segment from a caller who may not set it (field oversightSegment)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown ODS code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("odsCode") String odsCode, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull(message = "a JSON body is required") OrganisationRequest body) {
        if (body.odsCode() != null && !body.odsCode().equals(odsCode)) {
            throw ApiProblem.badRequest("odsCode", "the ODS code cannot change (path says " + odsCode + ")");
        }
        access.requireWrite(odsCode);
        Organisation updated = service.update(odsCode, body.toDetails(odsCode), ETags.parse(ifMatch), caller());
        return Response.ok(OrganisationResponse.of(updated)).tag(ETags.of(updated.version)).build();
    }

    @RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
    @PUT
    @Path("/{odsCode}/oversight-segment")
    @Operation(summary = "Set an organisation's oversight segment (regulator)",
            description = "The segment is NHS England's judgement, so only the regulator and admin roles set it; the organisation"
                    + " records who set it, when, and the day it takes effect, and publishes organisation.updated"
                    + " (changed: oversightSegment and/or oversightSegmentSince) when anything changed. If-Match as for PUT.")
    @APIResponse(responseCode = "200", description = "Set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown ODS code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setOversightSegment(@PathParam("odsCode") String odsCode, @HeaderParam("If-Match") String ifMatch,
                                        @Valid @NotNull(message = "a JSON body is required") OversightSegmentRequest body) {
        Caller caller = caller();
        LocalDate since = body.since() == null ? LocalDate.now(clock) : body.since();
        Organisation updated = service.setOversightSegment(odsCode, new OversightSegmentSetting(body.segment(), since, caller.name()),
                ETags.parse(ifMatch), caller);
        return Response.ok(OrganisationResponse.of(updated)).tag(ETags.of(updated.version)).build();
    }

    private Caller caller() {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles());
    }
}
