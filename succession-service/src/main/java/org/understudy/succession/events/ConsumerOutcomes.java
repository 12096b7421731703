package org.understudy.succession.events;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * What the writer did with a poll's records, tallied and then counted in the consumer metrics at once
 * (a meter lookup per event was a fifteenth of a national fold). Counted only once the poll's
 * change-set has committed.
 */
final class ConsumerOutcomes {
    private record Key(String topic, String type, String outcome) {
    }

    private final Map<Key, long[]> counts = new HashMap<>();
    private OffsetDateTime newestApplied;

    /** outcome: applied, stale (not newer than the view), unknown-type, dead-lettered. */
    void add(String topic, String type, String outcome, OffsetDateTime time) {
        counts.computeIfAbsent(new Key(topic, type, outcome), k -> new long[1])[0]++;
        if (time != null && (newestApplied == null || time.isAfter(newestApplied))) {
            newestApplied = time;
        }
    }

    /** Adds the tally to the metrics and starts a new one. */
    void countIn(ConsumerMetrics metrics) {
        counts.forEach((k, n) -> metrics.count(k.topic(), k.type(), k.outcome(), n[0]));
        if (newestApplied != null) {
            metrics.applied(newestApplied);
        }
        clear();
    }

    void clear() {
        counts.clear();
        newestApplied = null;
    }
}
