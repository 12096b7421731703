package org.understudy.candidate.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.CandidateView;
import org.understudy.candidate.domain.CandidateViews;
import org.understudy.events.Topics;
import org.understudy.platform.outbox.Outbox;

import java.util.List;

/**
 * Turns candidate-service's state changes into events on candidate-events, through the outbox:
 * key and subject the candidate id, the candidate's version, what changed, and the full
 * {@link org.understudy.events.CandidateState} (never personal data).
 */
@ApplicationScoped
public class CandidateEventPublisher {
    @Inject
    Outbox outbox;

    @Inject
    CandidateViews views;

    /**
     * Appends an event describing the candidate as it now is; call it in the transaction that made
     * the change, after the change (the state is read back from the session).
     *
     * @param type    one of {@link org.understudy.events.CandidateEventTypes}
     * @param changed names of what changed
     */
    public void publish(String type, Candidate candidate, List<String> changed) {
        publish(type, views.of(candidate), changed);
    }

    /** As above, for a caller that holds the candidate's view as it now is (a chunk of changes kept in memory). */
    public void publish(String type, CandidateView view, List<String> changed) {
        Candidate candidate = view.candidate();
        outbox.append(Topics.CANDIDATE_EVENTS, type, candidate.candidateId.toString(), candidate.version, changed, view.toState());
    }
}
