package org.understudy.succession.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.understudy.succession.domain.AlertFilter;

/** The query parameters of the alert list: the period raised, and where the post is (each null means any). */
public class AlertQuery extends PlaceFilter {
    @QueryParam("since")
    @Parameter(description = "Raised at or after this ISO-8601 instant or date")
    public String since;

    @QueryParam("until")
    @Parameter(description = "Raised at or before this ISO-8601 instant or date")
    public String until;

    AlertFilter filter() {
        return new AlertFilter(region, organisationType, role, oversightSegment, integratedCareBoard);
    }
}
