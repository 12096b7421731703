package org.understudy.succession.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds candidate-events into the view, one record at a time in partition order. A record whose
 * processing throws goes to the dead-letter topic {@code succession-service.candidate-events.dlq}.
 */
@ApplicationScoped
public class CandidateEventsConsumer {
    @Inject
    EventApplier applier;

    @Incoming("candidate-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        applier.apply(record);
    }
}
