package org.understudy.events;

/**
 * Types published by candidate-service on {@link Topics#CANDIDATE_EVENTS}; each carries a {@link CandidateState}.
 * Version 2 (candidate-state.v2.json): an exit may be by MUTUAL_AGREEMENT. Version 1 is no longer published;
 * a topic written before still holds it, and consumers read both.
 */
public final class CandidateEventTypes {
    public static final String REGISTERED = EventTypes.of("candidate", "candidate", "registered", 2);
    public static final String UPDATED = EventTypes.of("candidate", "candidate", "updated", 2);
    public static final String READINESS_ASSESSED = EventTypes.of("candidate", "candidate", "readiness-assessed", 2);
    public static final String FIT_AND_PROPER_RECORDED = EventTypes.of("candidate", "candidate", "fit-and-proper-recorded", 2);
    public static final String NOMINATED = EventTypes.of("candidate", "candidate", "nominated", 2);
    public static final String NOMINATION_WITHDRAWN = EventTypes.of("candidate", "candidate", "nomination-withdrawn", 2);
    public static final String EXIT_RECORDED = EventTypes.of("candidate", "candidate", "exit-recorded", 2);
    public static final String WITHDRAWN = EventTypes.of("candidate", "candidate", "withdrawn", 2);
    public static final String ERASED = EventTypes.of("candidate", "candidate", "erased", 2);

    private CandidateEventTypes() {
    }
}
