package org.understudy.vacancy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.BoardRole;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.events.VacancyEventPublisher;
import org.understudy.vacancy.persistence.OrganisationRepository;
import org.understudy.vacancy.persistence.PostRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Creates posts; each change and its event commit in one transaction. */
@ApplicationScoped
public class PostService {
    @Inject
    OrganisationRepository organisations;

    @Inject
    PostRepository posts;

    @Inject
    VacancyEventPublisher events;

    @Inject
    Clock clock;

    @Transactional
    public Post create(String odsCode, BoardRole role) {
        // Locking the organisation serialises post creation per organisation: no duplicate role slips in.
        organisations.findForUpdate(odsCode)
                .orElseThrow(() -> ApiProblem.notFound("odsCode", "no organisation with ODS code " + odsCode));
        if (posts.existsFor(odsCode, role)) {
            throw ApiProblem.conflict("role", "organisation " + odsCode + " already has a " + role + " post");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Post post = new Post();
        post.postId = UUID.randomUUID();
        post.odsCode = odsCode;
        post.role = role;
        post.version = 1;
        post.createdAt = now;
        post.updatedAt = now;
        posts.persistAndFlush(post);
        events.postCreated(post);
        return post;
    }

    public Post get(UUID postId) {
        return posts.findByIdOptional(postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
    }
}
