package org.understudy.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The topics this service rebuilds its state from ({@code understudy.kafka.rebuilt-from}) must keep
 * every event: a topic that deletes old events (cleanup policy {@code delete} with a time or size
 * limit) would leave a later rebuild, or a new instance, without them. Such a topic makes readiness
 * DOWN, naming the topic and its settings: the service would serve an answer that it could not
 * reproduce, and a deployment should stop at once rather than lose events a week later. Compacted
 * topics keep each key's latest event and pass. A topic not created yet, or a broker that does not
 * answer, leaves the check UP (the Kafka checks report the broker).
 */
@Readiness
@ApplicationScoped
public class TopicRetentionHealthCheck implements HealthCheck {
    private final KafkaClients kafka;
    private final List<String> topics;
    private Admin admin;

    @Inject
    public TopicRetentionHealthCheck(KafkaClients kafka,
                                     @ConfigProperty(name = "understudy.kafka.rebuilt-from") Optional<List<String>> topics) {
        this.kafka = kafka;
        this.topics = topics.orElse(List.of());
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event topics keep every event").up();
        if (topics.isEmpty()) {
            return response.withData("topics", "none read").build();
        }
        List<String> deleting = new ArrayList<>();
        for (String topic : topics) {
            String verdict = verdict(topic);
            response.withData(topic, verdict);
            if (verdict.startsWith("deletes")) {
                deleting.add(topic);
            }
        }
        if (!deleting.isEmpty()) {
            response.down().withData("reason", String.join(", ", deleting) + " would delete events a rebuild needs: "
                    + "set retention.ms=-1 and retention.bytes=-1 (or cleanup.policy=compact) on the topic");
        }
        return response.build();
    }

    private String verdict(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config;
        try {
            config = admin().describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource);
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException ? "not created yet" : "unknown (" + e.getCause().getMessage() + ")";
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return RetentionRule.verdict(value(config, "cleanup.policy"), value(config, "retention.ms"), value(config, "retention.bytes"));
    }

    private static String value(Config config, String name) {
        var entry = config.get(name);
        return entry == null ? null : entry.value();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = kafka.admin("retention-check");
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
