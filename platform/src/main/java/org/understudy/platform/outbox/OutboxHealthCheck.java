package org.understudy.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Readiness of the outbox relay: DOWN when events are waiting and the relay has not completed a
 * pass for longer than the allowed stall (the broker is unreachable, say). Writes are still safe
 * then (they wait in the outbox), but the service is not delivering.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @ConfigProperty(name = "understudy.outbox.max-stall", defaultValue = "PT30S")
    Duration maxStall;

    @Override
    public HealthCheckResponse call() {
        OffsetDateTime last = relay.lastSuccess();
        boolean stalled = relay.lastError() != null && relay.pending() > 0
                && (last == null || Duration.between(last, OffsetDateTime.now(clock)).compareTo(maxStall) > 0);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox relay")
                .status(!stalled)
                .withData("pending", relay.pending());
        if (last != null) {
            response.withData("lastSuccess", last.toString());
        }
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        return response.build();
    }
}
