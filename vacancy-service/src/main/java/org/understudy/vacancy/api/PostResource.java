package org.understudy.vacancy.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.BoardRole;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.Problem;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.PostService;
import org.understudy.vacancy.persistence.PostRepository;

import java.util.UUID;

@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Board posts (chief executive, chair, ...) at organisations")
public class PostResource {
    @Inject
    PostService service;

    @Inject
    PostRepository posts;

    @POST
    @Operation(summary = "Create a post", description = "At most one post per role and organisation. Publishes post.created on vacancy-events.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown organisation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The organisation already has a post for this role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") PostRequest body, @Context UriInfo uri) {
        Post created = service.create(body.odsCode(), body.role());
        return Response.created(uri.getAbsolutePathBuilder().path(created.postId.toString()).build())
                .entity(PostResponse.of(created)).build();
    }

    @GET
    @Operation(summary = "List posts", description = "Filtered by organisation and role, ordered by organisation then role, paged.")
    public PageResponse<PostResponse> list(@QueryParam("odsCode") String odsCode, @QueryParam("role") BoardRole role,
                                           @Valid @BeanParam PageRequest paging) {
        PanacheQuery<Post> query = posts.search(odsCode, role).page(paging.page, paging.size);
        return new PageResponse<>(query.list().stream().map(PostResponse::of).toList(), paging.page, paging.size, query.count());
    }

    @GET
    @Path("/{postId}")
    @Operation(summary = "Read a post")
    @APIResponse(responseCode = "200", description = "The post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PostResponse get(@PathParam("postId") UUID postId) {
        return PostResponse.of(service.get(postId));
    }
}
