package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.Region;
import org.understudy.platform.api.CsvTable;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.Problem;
import org.understudy.platform.security.Roles;
import org.understudy.succession.domain.AppointmentAfterDismissal;
import org.understudy.succession.persistence.AppointmentsAfterDismissalRepository;

import java.util.List;
import java.util.Map;

/** Who was dismissed and then appointed to another post: for the regulator, one by one. */
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/appointments-after-dismissal")
@Tag(name = "Decision support")
@APIResponse(responseCode = "400", description = "Invalid parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AppointmentsAfterDismissalResource {
    static final String CSV = "text/csv";

    private final AppointmentsAfterDismissalRepository appointments;

    public AppointmentsAfterDismissalResource(AppointmentsAfterDismissalRepository appointments) {
        this.appointments = appointments;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Posts held by someone whose most recent exit before starting was a dismissal",
            description = "Each post with its organisation, the day its incumbent started, the dismissal (when, from which organisation "
                    + "and role, that organisation's current oversight segment) and, where the new organisation oversees trusts, how many "
                    + "of them are in each segment. Dismissals recorded by either service count (career exits and departures recorded on "
                    + "posts). Most recent appointment first; paged; filtered by the new organisation's region. Send Accept: text/csv for "
                    + "the same rows as CSV.")
    @APIResponse(responseCode = "200", description = "One page; as CSV the same rows with a header row and X-Total-Count",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentPage.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))},
            headers = @Header(name = "X-Total-Count", description = "CSV only: how many match in all", schema = @Schema(type = SchemaType.INTEGER)))
    public Response list(@QueryParam("region") Region region, @Valid @BeanParam PageRequest paging,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<AppointmentAfterDismissal> page = appointments.page(region, paging.page, paging.size);
        long total = appointments.count(region);
        if (accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(csv(page), CSV).header("X-Total-Count", total)
                    .header("Content-Disposition", "attachment; filename=\"appointments-after-dismissal.csv\"").build();
        }
        return Response.ok(new PageResponse<>(page, paging.page, paging.size, total), MediaType.APPLICATION_JSON).build();
    }

    /** One page of the list, for the OpenAPI document. */
    @Schema(name = "AppointmentAfterDismissalPage")
    public record AppointmentPage(List<AppointmentAfterDismissal> items, int page, int size, long total) {
    }

    private static String csv(List<AppointmentAfterDismissal> page) {
        CsvTable csv = new CsvTable(List.of("postId", "role", "odsCode", "organisationName", "organisationType", "region", "oversightSegment",
                "appointedOn", "incumbentCandidateId", "dismissedOn", "dismissedFromOdsCode", "dismissedFromName", "dismissedFromSegment",
                "dismissedFromRole", "daysBetween", "overseenTrustsBySegment"));
        for (AppointmentAfterDismissal a : page) {
            AppointmentAfterDismissal.Place o = a.organisation();
            AppointmentAfterDismissal.Place x = a.dismissal().organisation();
            csv.row(a.postId(), a.role(), o.odsCode(), o.name(), o.organisationType(), o.region(), o.oversightSegment(), a.appointedOn(),
                    a.incumbentCandidateId(), a.dismissal().date(), x.odsCode(), x.name(), x.oversightSegment(), a.dismissal().role(),
                    a.dismissal().daysBefore(), segments(a.overseenTrustsBySegment()));
        }
        return csv.write();
    }

    /** "1:2 3:1" (segment:trusts), or empty. */
    private static String segments(Map<String, Integer> bySegment) {
        StringBuilder out = new StringBuilder();
        bySegment.forEach((segment, n) -> out.append(out.isEmpty() ? "" : " ").append(segment).append(':').append(n));
        return out.toString();
    }
}
