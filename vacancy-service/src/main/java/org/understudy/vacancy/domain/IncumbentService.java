package org.understudy.vacancy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.LeavingReason;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.events.VacancyEventPublisher;
import org.understudy.vacancy.persistence.IncumbencyRepository;
import org.understudy.vacancy.persistence.PostRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who holds a post: appointments and departures, with the history kept. */
@ApplicationScoped
public class IncumbentService {
    @Inject
    PostRepository posts;

    @Inject
    IncumbencyRepository incumbencies;

    @Inject
    VacancyEventPublisher events;

    @Inject
    Clock clock;

    /** The person to appoint: a candidate id, or a name when they are not in the pipeline. */
    public record Person(UUID candidateId, String name) {
    }

    /**
     * Puts someone in the post. If someone holds it, they leave on the new incumbent's start date
     * for the given reason, which is then required.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incumbency appoint(Post post, Person person, LocalDate since, boolean interim, LeavingReason previousLeftBecause) {
        Incumbency current = incumbencies.current(post.postId);
        List<String> changed = new ArrayList<>(List.of("incumbent"));
        if (current != null) {
            if (previousLeftBecause == null) {
                throw ApiProblem.badRequest("previousLeftBecause", "the post is held by someone since " + current.since
                        + "; say why they leave (RESIGNED, DISMISSED, RETIRED, MOVED, END_OF_INTERIM)");
            }
            if (since.isBefore(current.since)) {
                throw ApiProblem.badRequest("since", "the new incumbent cannot start (" + since
                        + ") before the current one did (" + current.since + ")");
            }
            end(post, current, since, previousLeftBecause);
            incumbencies.flush(); // the current row must end before the new one starts (one current per post)
            changed.add("lastDeparture");
        } else if (previousLeftBecause != null) {
            throw ApiProblem.badRequest("previousLeftBecause", "the post is vacant: there is no previous incumbent to leave");
        }
        Incumbency next = new Incumbency();
        next.id = UUID.randomUUID();
        next.postId = post.postId;
        next.candidateId = person.candidateId();
        next.personName = person.name();
        next.since = since;
        next.interim = interim;
        incumbencies.persist(next);
        post.changed(OffsetDateTime.now(clock));
        events.incumbentChanged(post, next, changed);
        return next;
    }

    /** The incumbent leaves and the post becomes vacant. */
    @Transactional
    public Post depart(UUID postId, LocalDate date, LeavingReason reason) {
        Post post = posts.findForUpdate(postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
        Incumbency current = incumbencies.current(postId);
        if (current == null) {
            throw ApiProblem.conflict("postId", "the post is already vacant");
        }
        if (date.isBefore(current.since)) {
            throw ApiProblem.badRequest("date", "the incumbent cannot leave (" + date + ") before they started (" + current.since + ")");
        }
        end(post, current, date, reason);
        post.changed(OffsetDateTime.now(clock));
        events.incumbentLeft(post);
        return post;
    }

    private void end(Post post, Incumbency current, LocalDate date, LeavingReason reason) {
        current.until = date;
        current.reasonLeft = reason;
        post.lastDepartureDate = date;
        post.lastDepartureReason = reason;
    }
}
