package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.Region;
import org.understudy.platform.problem.Problem;
import org.understudy.succession.domain.CapacityService;
import org.understudy.succession.domain.SuccessionSettings;

@RolesAllowed({Roles.VIEWER, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/capacity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decision support", description = "Would dismissal be a credible consequence, where, and how many at once")
public class CapacityResource {
    @Inject
    CapacityService capacity;

    @Inject
    SuccessionSettings settings;

    @GET
    @Operation(summary = "Consequence capacity of a region, of an integrated care board or of the country",
            description = "The most posts that could be filled at the same time from the people ready now, each person taking at most "
                    + "one post they count for (Hopcroft–Karp maximum matching over who counts as ready now for which post), beside "
                    + "the posts in oversight segments 3 to 5, with the posts one maximum matching leaves unfilled. Cached until "
                    + "the view changes.")
    @APIResponse(responseCode = "200", description = "The capacity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapacityResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CapacityResponse get(@Parameter(description = "A region; omit for the country") @QueryParam("region") Region region,
                                @Parameter(description = "An integrated care board (its ODS code): only the posts of the organisations it oversees")
                                @QueryParam("integratedCareBoard")
                                @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ICB code)")
                                String integratedCareBoard) {
        CapacityService.Answer answer = capacity.capacity(region, integratedCareBoard);
        return CapacityResponse.of(answer.result(), settings.capacity().watchedSegments(), answer.viewVersion());
    }
}
