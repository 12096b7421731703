package org.understudy.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.TreeMap;

/**
 * Consumer lag in readiness, beside the outbox backlog the relay's check reports: records
 * on each consumed topic not yet read by this instance, from the Kafka client's own per-partition
 * lag (the same figures as {@code kafka_consumer_fetch_manager_records_lag} on /q/metrics). Always UP:
 * a lagging consumer is catching up, and taking the instance out of rotation would not make it
 * faster; the figures are there for whoever watches the backlog drain.
 */
@Readiness
@ApplicationScoped
public class ConsumerLagHealthCheck implements HealthCheck {
    static final String LAG_METER = "kafka.consumer.fetch.manager.records.lag";

    @Inject
    MeterRegistry meters;

    @Override
    public HealthCheckResponse call() {
        Map<String, Long> byTopic = new TreeMap<>();
        for (Gauge gauge : meters.find(LAG_METER).gauges()) {
            String topic = gauge.getId().getTag("topic");
            double lag = gauge.value();
            if (topic != null && !Double.isNaN(lag)) {
                byTopic.merge(topic, (long) lag, Long::sum);
            }
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer lag").up()
                .withData("total", byTopic.values().stream().mapToLong(Long::longValue).sum());
        byTopic.forEach(response::withData);
        return response.build();
    }
}
