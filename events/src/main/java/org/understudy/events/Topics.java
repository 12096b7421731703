package org.understudy.events;

import java.util.ArrayList;
import java.util.List;

/** Kafka topic names. One topic per publishing service, keyed by aggregate id. */
public final class Topics {
    public static final String VACANCY_EVENTS = "vacancy-events";
    public static final String CANDIDATE_EVENTS = "candidate-events";
    public static final String SUCCESSION_ALERTS = "succession-alerts";
    /** Each recorded dismissal-readiness assessment's place in the hash chain, kept for ever: the chain's anchor outside its database. */
    public static final String SUCCESSION_ASSESSMENTS = "succession-assessments";

    /**
     * What each service writes and reads on Kafka, in one place: the services take their topics from here,
     * and a deployment's per-service Kafka users and ACLs are checked against it. A service reads with the
     * consumer group of its own name, and writes a dead-letter topic for each topic it reads.
     */
    public enum Access {
        VACANCY_SERVICE("vacancy-service", List.of(VACANCY_EVENTS), List.of(), List.of()),
        CANDIDATE_SERVICE("candidate-service", List.of(CANDIDATE_EVENTS), List.of(VACANCY_EVENTS), List.of()),
        SUCCESSION_SERVICE("succession-service", List.of(SUCCESSION_ALERTS, SUCCESSION_ASSESSMENTS), List.of(VACANCY_EVENTS, CANDIDATE_EVENTS),
                List.of(SUCCESSION_ASSESSMENTS));

        private final String service;
        private final List<String> publishes;
        private final List<String> reads;
        private final List<String> readsBack;

        Access(String service, List<String> publishes, List<String> reads, List<String> readsBack) {
            this.service = service;
            this.publishes = publishes;
            this.reads = reads;
            this.readsBack = readsBack;
        }

        /** The service's name, which is also its consumer group. */
        public String service() {
            return service;
        }

        /** The topics it reads (and rebuilds its state from). */
        public List<String> reads() {
            return reads;
        }

        /**
         * Topics it publishes and reads back from the start, without a consumer group (succession-service
         * compares the assessment chain in its database with the one it published).
         */
        public List<String> readsBack() {
            return readsBack;
        }

        /** Every topic it writes: what it publishes, then a dead-letter topic for each topic it reads. */
        public List<String> writes() {
            List<String> writes = new ArrayList<>(publishes);
            reads.forEach(topic -> writes.add(deadLetterTopic(topic)));
            return List.copyOf(writes);
        }

        /** Where a record of {@code topic} that this service cannot apply goes, with the reason in a header. */
        public String deadLetterTopic(String topic) {
            return service + "." + topic + ".dlq";
        }

        public static Access of(String service) {
            for (Access access : values()) {
                if (access.service.equals(service)) {
                    return access;
                }
            }
            throw new IllegalArgumentException("no service named " + service);
        }
    }

    private Topics() {
    }
}
