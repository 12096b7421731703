package org.understudy.events;

/** Types published by succession-service on {@link Topics#SUCCESSION_ASSESSMENTS}; each carries an {@link AssessmentState}. */
public final class AssessmentEventTypes {
    public static final String RECORDED = EventTypes.of("succession", "assessment", "recorded");

    private AssessmentEventTypes() {
    }
}
