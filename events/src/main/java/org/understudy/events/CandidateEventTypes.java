package org.understudy.events;

/**
 * Types published by candidate-service on {@link Topics#CANDIDATE_EVENTS}; each carries a {@link CandidateState}.
 * Version 3 (candidate-state.v3.json): the state carries the assessments a later one has replaced
 * ({@code earlierReadiness}), each with its date. Version 2 (an exit may be by MUTUAL_AGREEMENT) and version 1
 * are no longer published; a topic written before still holds them, and consumers read all three.
 */
public final class CandidateEventTypes {
    public static final String REGISTERED = EventTypes.of("candidate", "candidate", "registered", 3);
    public static final String UPDATED = EventTypes.of("candidate", "candidate", "updated", 3);
    public static final String READINESS_ASSESSED = EventTypes.of("candidate", "candidate", "readiness-assessed", 3);
    public static final String FIT_AND_PROPER_RECORDED = EventTypes.of("candidate", "candidate", "fit-and-proper-recorded", 3);
    public static final String NOMINATED = EventTypes.of("candidate", "candidate", "nominated", 3);
    public static final String NOMINATION_WITHDRAWN = EventTypes.of("candidate", "candidate", "nomination-withdrawn", 3);
    public static final String EXIT_RECORDED = EventTypes.of("candidate", "candidate", "exit-recorded", 3);
    public static final String WITHDRAWN = EventTypes.of("candidate", "candidate", "withdrawn", 3);
    public static final String ERASED = EventTypes.of("candidate", "candidate", "erased", 3);

    private CandidateEventTypes() {
    }
}
