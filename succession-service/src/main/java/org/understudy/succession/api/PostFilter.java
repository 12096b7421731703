package org.understudy.succession.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.persistence.PostSuccessionRepository;

/** The filters of the succession list and stream (query parameters): where the post is, and its numbers; each null means any. */
public class PostFilter extends PlaceFilter {
    @QueryParam("replaceability")
    public Replaceability replaceability;

    @QueryParam("maxReadyNow")
    @Parameter(description = "Only posts with at most this many people ready now")
    @Min(value = 0, message = "must be between 0 and 10000")
    @Max(value = 10_000, message = "must be between 0 and 10000")
    public Integer maxReadyNow;

    @QueryParam("oversightBodies")
    @Parameter(description = "true to include the posts of oversight bodies (integrated care boards, regional teams); they are left out "
            + "otherwise, unless organisationType names one")
    public Boolean oversightBodies;

    /** Trust posts only, unless oversight bodies are asked for (by this flag or by their organisationType). */
    boolean trustsOnly() {
        return !Boolean.TRUE.equals(oversightBodies) && organisationType == null;
    }

    PostSuccessionRepository.Filter toQuery() {
        return new PostSuccessionRepository.Filter(region, organisationType, role, oversightSegment, replaceability, maxReadyNow,
                integratedCareBoard, trustsOnly());
    }

    boolean matches(PostSuccessionResponse p) {
        return (region == null || region == p.region())
                && (organisationType == null || organisationType == p.organisationType())
                && (role == null || role == p.role())
                && (oversightSegment == null || oversightSegment.equals(p.oversightSegment()))
                && (replaceability == null || replaceability == p.replaceability())
                && (maxReadyNow == null || p.readyNow() <= maxReadyNow)
                && (integratedCareBoard == null || integratedCareBoard.equals(p.integratedCareBoardCode()))
                && (!trustsOnly() || p.organisationType() == null || !p.organisationType().oversees());
    }
}
