package org.understudy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.understudy.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' events read as a standard CloudEvents consumer reads them: the CloudEvents Java SDK's
 * Kafka deserializer, on records from the real broker, gets every attribute and the data back, the same
 * as the record's JSON says.
 */
class CloudEventsBindingIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCloudEventsSdkReadsEveryAttributeOfTheServicesRecords() throws Exception {
        Stack stack = Stack.shared();
        StoryClient api = new StoryClient(stack);
        String ods = "C" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        api.organisation(ods, "Binding NHS Trust", "NORTH_WEST", "ACUTE", 2, 201);
        UUID post = api.post(ods, "CHIEF_EXECUTIVE");
        UUID candidate = api.candidate("Binding Person", List.of("NORTH_WEST"), List.of("ACUTE"), false);

        List<ConsumerRecord<String, byte[]>> records = recordsKeyed(stack.infra.bootstrapServers(),
                Set.of(ods, post.toString(), candidate.toString()), 3);
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            sdk.configure(Map.of(), false);
            for (ConsumerRecord<String, byte[]> record : records) {
                assertEquals("application/cloudevents+json",
                        new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8), record.topic());
                CloudEvent event = sdk.deserialize(record.topic(), record.headers(), record.value());
                JsonNode json = JSON.readTree(record.value());
                assertEquals(json.get("specversion").asText(), event.getSpecVersion().toString());
                assertEquals(json.get("id").asText(), event.getId());
                assertEquals(json.get("source").asText(), event.getSource().toString());
                assertEquals(json.get("type").asText(), event.getType());
                assertEquals(json.get("subject").asText(), event.getSubject());
                assertEquals(record.key(), event.getSubject());
                assertEquals(OffsetDateTime.parse(json.get("time").asText()).toInstant(), event.getTime().toInstant());
                assertEquals(json.get("datacontenttype").asText(), event.getDataContentType());
                assertNotNull(event.getData(), "data");
                assertEquals(json.get("data"), JSON.readTree(event.getData().toBytes()));
                assertEquals(Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"),
                        fieldNames(json), "the record holds only the attributes the SDK read");
            }
        }
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Reads both event topics from the start until a record of each key has been seen. */
    private static List<ConsumerRecord<String, byte[]>> recordsKeyed(String bootstrap, Set<String> keys, int atLeast) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.VACANCY_EVENTS, Topics.CANDIDATE_EVENTS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Set<String> seen = new HashSet<>();
            while (seen.size() < keys.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.add(record);
                        seen.add(record.key());
                    }
                }
            }
            assertEquals(keys, seen, "a record of each key on the topics");
        }
        assertTrue(found.size() >= atLeast);
        return found;
    }
}
