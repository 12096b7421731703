package org.understudy.succession.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

/** Where a post is, as query parameters shared by the posts list, its stream and the alerts; each null means any. */
public class PlaceFilter {
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
    @Parameter(description = "Only posts at organisations overseen by this integrated care board (its ODS code)")
    @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ICB code)")
    public String integratedCareBoard;
}
