package org.understudy.succession.events;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.understudy.events.ContractViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One poll of a live consumer: its records applied together ({@link EventApplier#applyAll}), then
 * each rejected record sent to the channel's dead-letter topic with its reason, then the poll
 * acknowledged (its offsets committed only after the dead letters are written).
 */
final class PolledBatch {
    private static final Logger LOG = Logger.getLogger(PolledBatch.class);

    private PolledBatch() {
    }

    @SuppressWarnings("unchecked")
    static CompletionStage<Void> apply(EventApplier applier, KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<ConsumerRecord<String, String>> polled = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> r : records) {
            polled.add((ConsumerRecord<String, String>) r.getMetadata(IncomingKafkaRecordMetadata.class)
                    .orElseThrow(() -> new IllegalStateException("a polled record without its Kafka metadata"))
                    .getRecord());
        }
        long started = System.nanoTime();
        Map<Integer, ContractViolation> rejected = applier.applyAll(polled);
        LOG.debugf("Applied a poll of %d records in %.1f ms", (Object) polled.size(), (System.nanoTime() - started) / 1e6);
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>(rejected.size());
        rejected.forEach((index, reason) -> deadLetters.add(records.get(index).nack(reason).toCompletableFuture()));
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
                .thenCompose(written -> batch.ack());
    }
}
