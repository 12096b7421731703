package org.understudy.candidate.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.candidate.domain.KnownPost;
import org.understudy.candidate.persistence.KnownPostRepository;
import org.understudy.candidate.successors.SuccessionServiceClient;
import org.understudy.candidate.successors.SuccessorList;
import org.understudy.candidate.successors.SuccessorNames;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.platform.security.Roles;
import org.understudy.platform.security.SuccessorListAccess;
import org.understudy.platform.security.TokenOrganisations;

import java.util.UUID;

/**
 * A post's successor list with the people's names: who counts comes from succession-service (candidate
 * ids, read with the caller's own token), the names from here, each disclosure recorded in the
 * personal-data audit. Names go only to callers who may see them ({@link SuccessorListAccess}).
 */
@Path("/api/v1/successor-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Successor lists", description = "For an HR director: who counts for each post, and who is named but does not, and why")
public class SuccessorListResource {
    static final String READ = "GET /api/v1/successor-lists/{postId}";

    private final KnownPostRepository posts;
    private final SuccessionServiceClient succession;
    private final SuccessorNames names;
    private final SecurityIdentity identity;
    private final TokenOrganisations organisations;

    public SuccessorListResource(KnownPostRepository posts, SuccessionServiceClient succession, SuccessorNames names,
                                 SecurityIdentity identity, TokenOrganisations organisations) {
        this.posts = posts;
        this.succession = succession;
        this.names = names;
        this.identity = identity;
        this.organisations = organisations;
    }

    @RolesAllowed({Roles.HR, Roles.TALENT, Roles.REGULATOR, Roles.ADMIN})
    @GET
    @Path("/{postId}")
    @Operation(summary = "A post's successor list, with names for those who may see them",
            description = "Who counts for the post (ready now, then in 1-2 years) with the readiness, nomination and fit-and-proper "
                    + "dates their counting rests on and when each lapses, and who is named as successor but does not count, each with "
                    + "the rules that exclude them. Names and current jobs for talent and admin users and for hr users on their own "
                    + "trust's posts (each disclosure is recorded in the personal-data audit); the regulator gets the list with candidate "
                    + "ids only (namesShown false); another trust's hr users get 403.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuccessorList.class)))
    @APIResponse(responseCode = "403", description = "An hr user asking about another organisation's post",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown post (to this service or to the succession view)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "succession-service did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuccessorList get(@PathParam("postId") String postId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @Context SecurityContext security) {
        UUID id = Params.pathId(postId, "postId", "post");
        KnownPost post = posts.findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + id + " has been announced on vacancy-events"));
        SuccessorListAccess.Grant grant = SuccessorListAccess.require(identity.getRoles(), organisations, post.odsCode);
        SuccessorList list = succession.successors(id, authorization);
        return grant == SuccessorListAccess.Grant.NAMES ? names.named(list, Params.reader(security), READ) : SuccessorNames.unnamed(list);
    }
}
