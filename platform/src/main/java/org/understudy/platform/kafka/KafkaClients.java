package org.understudy.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings of every Kafka client a service makes itself (the outbox relay's producer, a consumer
 * that stores its positions with its state, a rebuild's consumer): the service's {@code kafka.*}
 * configuration as Quarkus collects it for its own channels (bootstrap servers, and TLS or SASL when
 * configured), plus what the client is for. So a secured broker needs its settings once.
 */
@ApplicationScoped
public class KafkaClients {
    private final Map<String, Object> common;
    private final String applicationName;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> common,
                        @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.common = Map.copyOf(common);
        this.applicationName = applicationName;
    }

    /** A consumer's settings: no automatic commits (the caller says where it stands). */
    public Map<String, Object> consumer(String purpose) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** An admin client's settings. */
    public Map<String, Object> admin(String purpose) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        return config;
    }

    /** A producer's settings: idempotent, acknowledged by every in-sync replica. */
    public Map<String, Object> producer(String purpose) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }
}
