package org.understudy.succession.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The view's writer in readiness: whether this instance is the writer or a standby (both serve reads,
 * so both are UP), since when it writes and under which generation, and why its last session as writer
 * ended if it failed. Whether the writer keeps up is in the consumer lag beside it.
 */
@Readiness
@ApplicationScoped
public class ViewWriterHealthCheck implements HealthCheck {
    @Inject
    ViewWriter writer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("view writer").up()
                .withData("role", writer.role().name().toLowerCase());
        if (writer.instance() != null) {
            response.withData("instance", writer.instance());
        }
        if (writer.role() == ViewWriter.Role.WRITER) {
            response.withData("generation", writer.generation()).withData("since", String.valueOf(writer.writingSince()));
        }
        if (writer.lastFailure() != null) {
            response.withData("lastFailure", writer.lastFailure());
        }
        return response.build();
    }
}
