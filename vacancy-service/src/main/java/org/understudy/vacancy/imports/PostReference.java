package org.understudy.vacancy.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.events.BoardRole;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.persistence.PostRepository;

import java.util.UUID;

/** Finds the post a row names, by its id or by its organisation and role, and checks the caller may write to it. */
@ApplicationScoped
public class PostReference {
    private final PostRepository posts;

    public PostReference(PostRepository posts) {
        this.posts = posts;
    }

    /** The post (404 naming postId or odsCode when there is none; 403 naming odsCode when the caller may not write to it). */
    public Post require(UUID postId, String odsCode, BoardRole role, ImportCaller caller) {
        Post post;
        if (postId != null) {
            post = posts.findByIdOptional(postId).orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
        } else {
            if (odsCode == null || role == null) {
                String missing = odsCode == null ? "odsCode" : "role";
                throw ApiProblem.badRequest(missing, missing + ": is required when postId is not given");
            }
            post = posts.of(odsCode, role).orElseThrow(() -> ApiProblem.notFound("odsCode",
                    "no " + role + " post at " + odsCode + "; import the posts first"));
        }
        ImportScope.requireWrite(caller, post.odsCode);
        return post;
    }
}
