package org.understudy.vacancy.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.idempotency.IdempotentPost;
import org.understudy.platform.security.Roles;

import org.understudy.platform.api.ETags;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.BoardRole;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.api.SortOrder;
import org.understudy.platform.problem.Problem;
import org.understudy.vacancy.domain.IncumbentService;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.PostService;
import org.understudy.vacancy.persistence.IncumbencyRepository;
import org.understudy.vacancy.persistence.PostRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RolesAllowed({Roles.HR, Roles.TALENT, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Board posts (chief executive, chair, ...) at organisations, and who holds them")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// One transaction per request: the service's work and the response's reads see the same state.
@Transactional
public class PostResource {
    private static final Map<String, String> SORTABLE = Map.of("odsCode", "odsCode", "role", "role", "createdAt", "createdAt");

    @Inject
    OrganisationAccess access;

    @Inject
    PostService service;

    @Inject
    IncumbentService incumbentService;

    @Inject
    PostRepository posts;

    @Inject
    IncumbencyRepository incumbencies;

    @Inject
    Clock clock;

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Operation(summary = "Create a post", description = "At most one post per role and organisation. Publishes post.created on vacancy-events.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown organisation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The organisation already has a post for this role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") PostRequest body, @Context UriInfo uri) {
        access.requireWrite(body.odsCode());
        Post created = service.create(body.odsCode(), body.role());
        return Response.created(uri.getAbsolutePathBuilder().path(created.postId.toString()).build())
                .tag(ETags.of(created.version)).entity(view(created)).build();
    }

    @GET
    @Operation(summary = "List posts", description = "Filtered by organisation and role; sort by odsCode (default), role or createdAt; paged.")
    @APIResponse(responseCode = "200", description = "One page of posts")
    public PageResponse<PostResponse> list(@QueryParam("odsCode") String odsCode, @QueryParam("role") BoardRole role,
                                           @Parameter(description = "e.g. odsCode,role or -createdAt") @QueryParam("sort") String sort,
                                           @Valid @BeanParam PageRequest paging) {
        PanacheQuery<Post> query = posts.search(odsCode, role, SortOrder.parse(sort, SORTABLE, "odsCode,role", "postId"))
                .page(paging.page, paging.size);
        return new PageResponse<>(query.list().stream().map(this::view).toList(), paging.page, paging.size, query.count());
    }

    @GET
    @Path("/{postId}")
    @Operation(summary = "Read a post and its incumbent")
    @APIResponse(responseCode = "200", description = "The post; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("postId") UUID postId) {
        Post post = service.get(postId);
        return Response.ok(view(post)).tag(ETags.of(post.version)).build();
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @PUT
    @Path("/{postId}/incumbent")
    @Operation(summary = "Set who holds the post", description = "A candidate id, or a name for someone not in the pipeline (held only here, never published). "
            + "If the post is held, the current incumbent leaves on the new one's start date for previousLeftBecause. Publishes post.incumbent-changed.")
    @APIResponse(responseCode = "200", description = "The post with its new incumbent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setIncumbent(@PathParam("postId") UUID postId, @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull(message = "a JSON body is required") IncumbentRequest body) {
        access.requireWriteForPost(postId);
        service.setIncumbent(postId, body.person(), body.since(), body.interim(), body.previousLeftBecause(), ETags.parse(ifMatch));
        Post post = service.get(postId);
        return Response.ok(view(post)).tag(ETags.of(post.version)).build();
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @POST
    @IdempotentPost
    @Path("/{postId}/incumbent/departure")
    @Operation(summary = "The incumbent leaves; the post becomes vacant", description = "Publishes post.incumbent-left.")
    @APIResponse(responseCode = "200", description = "The vacant post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The post is already vacant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response depart(@PathParam("postId") UUID postId, @Valid @NotNull(message = "a JSON body is required") DepartureRequest body) {
        access.requireWriteForPost(postId);
        Post post = incumbentService.depart(postId, body.date(), body.reason());
        return Response.ok(view(post)).tag(ETags.of(post.version)).build();
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @PUT
    @Path("/{postId}/interim-cover")
    @Operation(summary = "Name the interim cover", description = "Who would cover the post if its leader had to go at once. "
            + "A named cover makes a dismissal credible even without enough ready successors. Publishes post.interim-cover-changed.")
    @APIResponse(responseCode = "200", description = "The post with its interim cover",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setInterimCover(@PathParam("postId") UUID postId, @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull(message = "a JSON body is required") InterimCoverRequest body) {
        access.requireWriteForPost(postId);
        Post post = service.setInterimCover(postId, body.person(), body.namedOn(), ETags.parse(ifMatch));
        return Response.ok(view(post)).tag(ETags.of(post.version)).build();
    }

    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @DELETE
    @Path("/{postId}/interim-cover")
    @Operation(summary = "Clear the interim cover", description = "Publishes post.interim-cover-changed if one was named.")
    @APIResponse(responseCode = "200", description = "The post without interim cover",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response clearInterimCover(@PathParam("postId") UUID postId, @HeaderParam("If-Match") String ifMatch) {
        access.requireWriteForPost(postId);
        Post post = service.setInterimCover(postId, null, null, ETags.parse(ifMatch));
        return Response.ok(view(post)).tag(ETags.of(post.version)).build();
    }

    @GET
    @Path("/{postId}/incumbents")
    @Operation(summary = "Everyone who held the post, most recent first")
    @APIResponse(responseCode = "200", description = "The post's incumbents, the current one first")
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<IncumbentResponse> incumbents(@PathParam("postId") UUID postId) {
        service.get(postId);
        LocalDate today = LocalDate.now(clock);
        return incumbencies.history(postId).stream().map(i -> IncumbentResponse.of(i, today)).toList();
    }

    private PostResponse view(Post post) {
        return PostResponse.of(post, incumbencies.current(post.postId), LocalDate.now(clock));
    }
}
