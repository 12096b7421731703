package org.understudy.succession.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.persistence.PostSuccessionRepository;

/** The filters of the succession list and stream (query parameters); each null means any. */
public class PostFilter {
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

    @QueryParam("replaceability")
    public Replaceability replaceability;

    @QueryParam("integratedCareBoard")
    @Parameter(description = "Only posts at organisations overseen by this integrated care board (its ODS code)")
    @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ICB code)")
    public String integratedCareBoard;

    @QueryParam("maxReadyNow")
    @Parameter(description = "Only posts with at most this many people ready now")
    @Min(value = 0, message = "must be between 0 and 10000")
    @Max(value = 10_000, message = "must be between 0 and 10000")
    public Integer maxReadyNow;

    PostSuccessionRepository.Filter toQuery() {
        return new PostSuccessionRepository.Filter(region, organisationType, role, oversightSegment, replaceability, maxReadyNow,
                integratedCareBoard);
    }

    boolean matches(PostSuccessionResponse p) {
        return (region == null || region == p.region())
                && (organisationType == null || organisationType == p.organisationType())
                && (role == null || role == p.role())
                && (oversightSegment == null || oversightSegment.equals(p.oversightSegment()))
                && (replaceability == null || replaceability == p.replaceability())
                && (maxReadyNow == null || p.readyNow() <= maxReadyNow)
                && (integratedCareBoard == null || integratedCareBoard.equals(p.integratedCareBoardCode()));
    }
}
