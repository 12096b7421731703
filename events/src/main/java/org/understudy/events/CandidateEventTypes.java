package org.understudy.events;

/** Types published by candidate-service on {@link Topics#CANDIDATE_EVENTS}; each carries a {@link CandidateState}. */
public final class CandidateEventTypes {
    public static final String REGISTERED = EventTypes.of("candidate", "candidate", "registered");
    public static final String UPDATED = EventTypes.of("candidate", "candidate", "updated");
    public static final String READINESS_ASSESSED = EventTypes.of("candidate", "candidate", "readiness-assessed");
    public static final String FIT_AND_PROPER_RECORDED = EventTypes.of("candidate", "candidate", "fit-and-proper-recorded");
    public static final String NOMINATED = EventTypes.of("candidate", "candidate", "nominated");
    public static final String NOMINATION_WITHDRAWN = EventTypes.of("candidate", "candidate", "nomination-withdrawn");
    public static final String EXIT_RECORDED = EventTypes.of("candidate", "candidate", "exit-recorded");
    public static final String WITHDRAWN = EventTypes.of("candidate", "candidate", "withdrawn");
    public static final String ERASED = EventTypes.of("candidate", "candidate", "erased");

    private CandidateEventTypes() {
    }
}
