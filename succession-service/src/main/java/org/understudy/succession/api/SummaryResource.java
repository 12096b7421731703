package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.BoardRole;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.succession.domain.SuccessionSettings;
import org.understudy.succession.domain.SuccessionSummary;
import org.understudy.succession.persistence.DecisionSupportRepository;

import java.time.Clock;
import java.time.LocalDate;

@RolesAllowed({Roles.VIEWER, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/summary")
@Tag(name = "Decision support")
@APIResponse(responseCode = "400", description = "Invalid parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Transactional(Transactional.TxType.SUPPORTS)
public class SummaryResource {
    @Inject
    DecisionSupportRepository figures;

    @Inject
    SuccessionSettings settings;

    @Inject
    Clock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, SuccessionPostResource.CSV})
    @Operation(summary = "Aggregates by region, organisation type or oversight segment, and national totals",
            description = "Posts, posts with no one ready now, median depth, median last shortlist, median days vacant, exits "
                    + "in the last 12 months (voluntary, by mutual agreement, dismissals: career exits and departures recorded on posts, once each), appointments of people whose last exit was a dismissal, and the share of posts where a "
                    + "dismissal would be credible. Send Accept: text/csv for the same as CSV (one row per group, then the national row).")
    @APIResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuccessionSummaryResponse.class)),
            @Content(mediaType = SuccessionPostResource.CSV)})
    public Response get(@Parameter(description = "region (default), organisationType, segment or integratedCareBoard") @QueryParam("groupBy") String groupBy,
                        @Parameter(description = "Only posts (and exits) of this role; omit for all") @QueryParam("role") BoardRole role,
                        @Parameter(description = "true to count the posts (and exits) of oversight bodies (integrated care boards, regional "
                                + "teams) too; trusts only otherwise") @QueryParam("oversightBodies") Boolean oversightBodies,
                        @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        SuccessionSummaryResponse summary = summary(groupBy, role, Boolean.TRUE.equals(oversightBodies));
        if (accept != null && accept.contains(SuccessionPostResource.CSV) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(summary.csv(), SuccessionPostResource.CSV)
                    .header("Content-Disposition", "attachment; filename=\"succession-summary.csv\"").build();
        }
        return Response.ok(summary, MediaType.APPLICATION_JSON).build();
    }

    private SuccessionSummaryResponse summary(String groupBy, BoardRole role, boolean oversightBodies) {
        SuccessionSummary.GroupBy grouping = SuccessionSummary.GroupBy.ofParameter(groupBy == null || groupBy.isBlank() ? "region" : groupBy.strip());
        if (grouping == null) {
            throw ApiProblem.badRequest("groupBy", "cannot group by '" + groupBy + "'; allowed: " + SuccessionSummary.allowed());
        }
        LocalDate today = LocalDate.now(clock);
        var readiness = settings.dismissalReadiness();
        SuccessionSummary.Summary summary = SuccessionSummary.of(grouping, figures.summaryRows(role, oversightBodies, today, readiness,
                settings.interimVetting()), figures.exits(role, oversightBodies, today.minusMonths(12), today));
        return SuccessionSummaryResponse.of(summary, role, today, readiness.minimumReadyNow());
    }
}
