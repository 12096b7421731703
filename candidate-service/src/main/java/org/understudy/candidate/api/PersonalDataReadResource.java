package org.understudy.candidate.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.understudy.candidate.domain.PersonalDataRead;
import org.understudy.candidate.persistence.PersonalDataReadRepository;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.Problem;

@RolesAllowed({Roles.ADMIN})
@Path("/api/v1/audit/personal-data-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read which candidate's personal data, when, through which endpoint (for admins)")
public class PersonalDataReadResource {
    @Inject
    PersonalDataReadRepository reads;

    @GET
    @Operation(summary = "List disclosures of personal data",
            description = "Every response that carried a candidate's personal data, newest first, optionally for one candidate "
                    + "or one reader; paged. Meant for admins (restricted once bearer tokens are in place).")
    @APIResponse(responseCode = "200", description = "One page of reads")
    @APIResponse(responseCode = "400", description = "Invalid query parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<PersonalDataReadResponse> list(
            @Parameter(description = "Only reads of this candidate", schema = @Schema(format = "uuid")) @QueryParam("candidateId") String candidateId,
            @Parameter(description = "Only reads by this user") @QueryParam("reader") String reader,
            @Valid @BeanParam PageRequest paging) {
        PanacheQuery<PersonalDataRead> query = reads.search(Params.queryId(candidateId, "candidateId"),
                reader == null || reader.isBlank() ? null : reader.strip()).page(paging.page, paging.size);
        return new PageResponse<>(query.list().stream().map(PersonalDataReadResponse::of).toList(), paging.page, paging.size, query.count());
    }
}
