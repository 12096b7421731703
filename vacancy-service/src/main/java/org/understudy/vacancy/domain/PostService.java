package org.understudy.vacancy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.events.VacancyEventPublisher;
import org.understudy.vacancy.persistence.IncumbencyRepository;
import org.understudy.vacancy.persistence.OrganisationRepository;
import org.understudy.vacancy.persistence.PostRepository;

import java.time.Clock;
import java.time.LocalDate;
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
    IncumbentService incumbents;

    @Inject
    IncumbencyRepository incumbencies;

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

    /** Appoints an incumbent directly (outside a vacancy: an interim, or data from before Understudy). */
    @Transactional
    public Incumbency setIncumbent(UUID postId, IncumbentService.Person person, LocalDate since, boolean interim,
                                   LeavingReason previousLeftBecause, Long expectedVersion) {
        Post post = posts.findForUpdate(postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
        if (expectedVersion != null && expectedVersion != post.version) {
            throw ApiProblem.conflict("If-Match", "post " + postId + " is at version " + post.version + ", not " + expectedVersion);
        }
        return incumbents.appoint(post, person, since, interim, previousLeftBecause);
    }

    /** Names the interim cover (a candidate or a name), or clears it when person is null. */
    @Transactional
    public Post setInterimCover(UUID postId, IncumbentService.Person person, LocalDate namedOn, Long expectedVersion) {
        Post post = posts.findForUpdate(postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
        if (expectedVersion != null && expectedVersion != post.version) {
            throw ApiProblem.conflict("If-Match", "post " + postId + " is at version " + post.version + ", not " + expectedVersion);
        }
        boolean changed = person == null ? post.nameInterimCover(null, null, null)
                : post.nameInterimCover(person.candidateId(), person.name(), namedOn);
        if (changed) {
            post.changed(OffsetDateTime.now(clock));
            events.interimCoverChanged(post, incumbencies.current(postId));
        }
        return post;
    }

    public Post get(UUID postId) {
        return posts.findByIdOptional(postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
    }
}
