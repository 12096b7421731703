package org.understudy.succession.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** Counts what the consumers did with each event, and how fresh the view is. */
@ApplicationScoped
public class ConsumerMetrics {
    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private final AtomicReference<OffsetDateTime> newestApplied = new AtomicReference<>();

    @PostConstruct
    void register() {
        Gauge.builder("understudy.view.newest.event.age.seconds", this, ConsumerMetrics::newestEventAgeSeconds)
                .description("Age of the newest event the view has applied (NaN before the first)")
                .register(meters);
    }

    /** outcome: applied, stale (not newer than the view: a redelivery, or an older state), unknown-type, dead-lettered. */
    public void count(String topic, String type, String outcome) {
        count(topic, type, outcome, 1);
    }

    /** {@link #count(String, String, String)} for several events with the same outcome. */
    public void count(String topic, String type, String outcome, long events) {
        meters.counter("understudy.events.consumed", "topic", topic, "type", type == null ? "none" : type, "outcome", outcome)
                .increment(events);
    }

    public void applied(OffsetDateTime eventTime) {
        newestApplied.accumulateAndGet(eventTime, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    private double newestEventAgeSeconds() {
        OffsetDateTime newest = newestApplied.get();
        return newest == null ? Double.NaN
                : (clock.millis() - newest.toInstant().toEpochMilli()) / 1000.0;
    }
}
