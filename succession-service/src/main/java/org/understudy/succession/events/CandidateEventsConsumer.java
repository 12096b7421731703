package org.understudy.succession.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Feeds candidate-events into the view a poll at a time (up to {@code max.poll.records}), in partition
 * order, in one transaction per poll. A record that cannot be applied goes to the dead-letter topic
 * {@code succession-service.candidate-events.dlq} with the reason in its {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class CandidateEventsConsumer {
    @Inject
    EventApplier applier;

    @Incoming("candidate-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return PolledBatch.apply(applier, batch);
    }
}
