package org.understudy.vacancy.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.platform.security.Roles;
import org.understudy.vacancy.domain.ChangeRecord;
import org.understudy.vacancy.persistence.ChangeAudit;

import java.time.LocalDate;

/** Who changed what in vacancy-service, and when: for regulators and admins. */
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/audit/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed an organisation's details, a post's incumbent, departure or interim cover, a vacancy, and when")
@APIResponse(responseCode = "400", description = "Invalid query parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ChangeAuditResource {
    private final ChangeAudit audit;

    @Inject
    public ChangeAuditResource(ChangeAudit audit) {
        this.audit = audit;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List changes, newest first",
            description = "Every change made through vacancy-service (one per event it published): the event's type, the fields "
                    + "that changed (names, never values), the caller's principal and the time; for one organisation and a period of "
                    + "days (UTC), paged.")
    @APIResponse(responseCode = "200", description = "One page of changes")
    public PageResponse<ChangeResponse> list(
            @Parameter(description = "Only changes of this organisation (ODS code)")
            @QueryParam("odsCode") @Pattern(regexp = "^[A-Za-z0-9]{3,5}$", message = "must be 3 to 5 letters or digits (an ODS code)") String odsCode,
            @Parameter(description = "Only changes made on or after this day (UTC)") @QueryParam("from") LocalDate from,
            @Parameter(description = "Only changes made on or before this day (UTC)") @QueryParam("to") LocalDate to,
            @Valid @BeanParam PageRequest paging) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badRequest("to", "must not be before from");
        }
        PanacheQuery<ChangeRecord> query = audit.search(odsCode == null ? null : odsCode.toUpperCase(), from, to)
                .page(paging.page, paging.size);
        return new PageResponse<>(query.list().stream().map(ChangeResponse::of).toList(), paging.page, paging.size, query.count());
    }
}
