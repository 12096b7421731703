package org.understudy.events;

/** Kafka topic names. One topic per publishing service, keyed by aggregate id. */
public final class Topics {
    public static final String VACANCY_EVENTS = "vacancy-events";
    public static final String CANDIDATE_EVENTS = "candidate-events";
    public static final String SUCCESSION_ALERTS = "succession-alerts";

    private Topics() {
    }
}
