package org.understudy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.understudy.events.Topics;
import org.understudy.succession.reference.ReferenceView;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second opinion on the live view, independent of the service's rules: every event on both topics
 * fed to the reference model (succession-service's test code, written from the design's definition),
 * time let pass to today, and each post's numbers compared with what the service answers. The
 * numbers now do not depend on the order the two topics were read in, so any order does.
 */
final class ReferenceCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceCheck() {
    }

    /** Each post whose numbers differ (or that only one side has), in words; empty when they agree. */
    static List<String> differences(String bootstrapServers, String successionUrl, String token) throws Exception {
        ReferenceView model = ReferenceView.endNumbersOnly();
        for (ConsumerRecord<String, String> r : everyRecord(bootstrapServers)) {
            model.apply(r.value());
        }
        model.passTo(LocalDate.now(ZoneOffset.UTC));
        Map<String, String> expected = new TreeMap<>();
        model.now().forEach((post, last) -> expected.put(post.toString(),
                last.readyNow() + "/" + last.readySoon() + "/" + last.namedReadyNow() + "/" + last.poolReadyNow() + " " + last.replaceability()));
        Map<String, String> served = served(successionUrl, token);
        List<String> out = new ArrayList<>();
        expected.forEach((post, numbers) -> {
            String s = served.get(post);
            if (!numbers.equals(s)) {
                out.add("post " + post + ": the definition gives " + numbers + ", the view " + s);
            }
        });
        served.keySet().stream().filter(p -> !expected.containsKey(p)).forEach(p -> out.add("post " + p + ": in the view, not on the topics"));
        return out;
    }

    /** Every post's numbers as readyNow/readySoon/named/pool replaceability, page by page. */
    private static Map<String, String> served(String successionUrl, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> out = new TreeMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(successionUrl
                            + "/api/v1/succession/posts?size=500&sort=odsCode,role&page=" + page)).timeout(Duration.ofMinutes(1))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the posts list answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode items = JSON.readTree(response.body()).get("items");
            for (JsonNode p : items) {
                out.put(p.get("postId").asText(), p.get("readyNow").asInt() + "/" + p.get("readySoon").asInt() + "/"
                        + p.get("namedReadyNow").asInt() + "/" + p.get("poolReadyNow").asInt() + " " + p.get("replaceability").asText());
            }
            if (items.size() < 500) {
                return out;
            }
        }
    }

    private static List<ConsumerRecord<String, String>> everyRecord(String bootstrapServers) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.VACANCY_EVENTS, Topics.CANDIDATE_EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }
}
