package org.understudy.succession.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.AlertFilter;

/** The query parameters of the alert list: the period raised and the posts list's filters (each null means any). */
public class AlertQuery {
    @QueryParam("since")
    @Parameter(description = "Raised at or after this ISO-8601 instant or date")
    public String since;

    @QueryParam("until")
    @Parameter(description = "Raised at or before this ISO-8601 instant or date")
    public String until;

    @QueryParam("region")
    public Region region;

    @QueryParam("organisationType")
    public OrganisationType organisationType;

    @QueryParam("role")
    public BoardRole role;

    @QueryParam("oversightSegment")
    @Min(value = 1, message = "must be between 1 and 5")
    @Max(value = 5, message = "must be between 1 and 5")
    public Integer oversightSegment;

    @QueryParam("integratedCareBoard")
    @Parameter(description = "Only alerts of posts at organisations overseen by this integrated care board (its ODS code)")
    @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ICB code)")
    public String integratedCareBoard;

    AlertFilter filter() {
        return new AlertFilter(region, organisationType, role, oversightSegment, integratedCareBoard);
    }
}
