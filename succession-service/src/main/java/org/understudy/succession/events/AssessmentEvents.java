package org.understudy.succession.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.events.AssessmentEventTypes;
import org.understudy.events.AssessmentState;
import org.understudy.events.Topics;
import org.understudy.platform.outbox.Outbox;
import org.understudy.succession.domain.DismissalAssessment;

import java.util.List;

/** Publishes each recorded assessment's place in the hash chain on succession-assessments, through the outbox. */
@ApplicationScoped
public class AssessmentEvents {
    private final Outbox outbox;

    @Inject
    public AssessmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the transaction that recorded it. */
    public void recorded(DismissalAssessment a) {
        outbox.append(Topics.SUCCESSION_ASSESSMENTS, AssessmentEventTypes.RECORDED, a.assessmentId.toString(), a.sequence,
                List.of("recorded"), new AssessmentState(a.assessmentId, a.sequence, a.recordHash, a.previousHash, a.recordedAt));
    }
}
