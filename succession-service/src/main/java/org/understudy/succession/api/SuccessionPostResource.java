package org.understudy.succession.api;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.persistence.PostSuccessionRepository;

import java.util.UUID;

@Path("/api/v1/succession/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Succession", description = "How many people are ready to take over each post")
@Transactional(Transactional.TxType.SUPPORTS)
public class SuccessionPostResource {
    @Inject
    PostSuccessionRepository posts;

    @GET
    @Operation(summary = "List posts with their succession numbers",
            description = "Filtered; ordered by readyNow (fewest first), then organisation and role; paged.")
    public PageResponse<PostSuccessionResponse> list(
            @QueryParam("region") Region region,
            @QueryParam("organisationType") OrganisationType organisationType,
            @QueryParam("role") BoardRole role,
            @QueryParam("oversightSegment") @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer oversightSegment,
            @QueryParam("replaceability") Replaceability replaceability,
            @QueryParam("maxReadyNow") @Min(value = 0, message = "must be 0 or more") Integer maxReadyNow,
            @Valid @BeanParam PageRequest paging) {
        var filter = new PostSuccessionRepository.Filter(region, organisationType, role, oversightSegment, replaceability, maxReadyNow);
        return new PageResponse<>(posts.search(filter, paging.page, paging.size).stream().map(PostSuccessionResponse::of).toList(),
                paging.page, paging.size, posts.count(filter));
    }

    @GET
    @Path("/{postId}")
    @Operation(summary = "A post's succession numbers")
    @APIResponse(responseCode = "200", description = "The numbers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostSuccessionResponse.class)))
    @APIResponse(responseCode = "404", description = "No event about this post has arrived", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PostSuccessionResponse get(@PathParam("postId") UUID postId) {
        PostSuccessionRepository.Row row = posts.findRow(postId);
        if (row == null) {
            throw ApiProblem.notFound("postId", "no post with id " + postId + " is known to the succession view");
        }
        return PostSuccessionResponse.of(row);
    }
}
