package org.understudy.succession.events;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * What a rebuild did with a batch of events, tallied and then counted in the consumer metrics at once
 * (as {@link EventApplier#counted} counts one event): a meter lookup per event was a fifteenth of the
 * fold, the one thread a rebuild waits for.
 */
final class ConsumerOutcomes {
    private record Key(String topic, String type, String outcome) {
    }

    private final Map<Key, long[]> counts = new HashMap<>();
    private OffsetDateTime newestApplied;

    void add(EventApplier.Parsed parsed, String outcome) {
        counts.computeIfAbsent(new Key(parsed.position().topic(), parsed.event().type(), outcome), k -> new long[1])[0]++;
        OffsetDateTime time = parsed.event().time();
        if (EventApplier.tellsFreshness(outcome) && (newestApplied == null || time.isAfter(newestApplied))) {
            newestApplied = time;
        }
    }

    /** Adds the tally to the metrics and starts a new one. */
    void countIn(ConsumerMetrics metrics) {
        counts.forEach((k, n) -> metrics.count(k.topic(), k.type(), k.outcome(), n[0]));
        if (newestApplied != null) {
            metrics.applied(newestApplied);
        }
        counts.clear();
        newestApplied = null;
    }
}
