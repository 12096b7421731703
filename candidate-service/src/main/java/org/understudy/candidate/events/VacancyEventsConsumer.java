package org.understudy.candidate.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads vacancy-events (consumer group candidate-service) to learn which posts exist, one record at
 * a time in partition order. A record whose processing throws goes to the dead-letter topic
 * {@code candidate-service.vacancy-events.dlq}, with the reason in its {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class VacancyEventsConsumer {
    @Inject
    KnownPostApplier applier;

    @Incoming("vacancy-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        applier.apply(record);
    }
}
