package org.understudy.candidate.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.candidate.domain.KnownPost;
import org.understudy.candidate.persistence.KnownPostRepository;
import org.understudy.events.BoardRole;
import org.understudy.platform.problem.ApiProblem;

import java.util.UUID;

/** Finds a post a row names: by its id, or by its organisation's ODS code and its board role. */
@ApplicationScoped
public class PostReference {
    private final KnownPostRepository posts;

    public PostReference(KnownPostRepository posts) {
        this.posts = posts;
    }

    /** The post's id (400 naming odsCode when the row names none, 404 when no such post is known). */
    public UUID require(UUID postId, String odsCode, BoardRole role) {
        if (postId != null) {
            return postId; // the domain checks the post is known
        }
        if (odsCode == null || role == null) {
            throw ApiProblem.badRequest(odsCode == null ? "odsCode" : "role",
                    (odsCode == null ? "odsCode" : "role") + ": is required when postId is not given");
        }
        UUID found = find(odsCode, role);
        if (found == null) {
            throw ApiProblem.notFound("odsCode", "no " + role + " post at " + odsCode + " is known (from vacancy-events); "
                    + "import the posts into vacancy-service first");
        }
        return found;
    }

    /** The id of the post of this role at this organisation, or null when none is known (or either is not given). */
    public UUID find(String odsCode, BoardRole role) {
        return odsCode == null || role == null ? null : posts.of(odsCode, role).map((KnownPost p) -> p.postId).orElse(null);
    }
}
