package org.understudy.succession.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.understudy.events.AssessmentEventTypes;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.Topics;
import org.understudy.platform.kafka.KafkaClients;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessment chain as published on succession-assessments: each record's hash by sequence, read from
 * the start of the topic to its end (no consumer group: nothing is committed).
 */
@ApplicationScoped
public class PublishedChain {
    private static final Duration READ_FOR_AT_MOST = Duration.ofSeconds(30);

    private final KafkaClients kafka;

    @Inject
    public PublishedChain(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /** @throws IllegalStateException when the topic cannot be read to its end in time */
    public Map<Long, String> hashesBySequence() {
        Map<Long, String> hashes = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.consumer("assessment-verification"),
                new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.SUCCESSION_ASSESSMENTS, READ_FOR_AT_MOST);
            if (partitions == null || partitions.isEmpty()) {
                return hashes;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, READ_FOR_AT_MOST);
            long deadline = System.nanoTime() + READ_FOR_AT_MOST.toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.SUCCESSION_ASSESSMENTS + " to its end within " + READ_FOR_AT_MOST);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event;
                    try {
                        event = EventContract.parse(r.value());
                    } catch (RuntimeException notAnEvent) {
                        continue; // only succession-service writes here; anything else is not the chain
                    }
                    if (AssessmentEventTypes.RECORDED.equals(event.type())) {
                        var state = event.data().get("state");
                        hashes.put(state.get("sequence").asLong(), state.get("recordHash").asText());
                    }
                }
            }
        }
        return hashes;
    }
}
