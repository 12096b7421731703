package org.understudy.succession.events;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.understudy.succession.domain.RetrySchedule;
import org.understudy.succession.persistence.WebhookDeliveries;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the due webhook deliveries: each pass takes a batch (hidden from other instances' senders for
 * a while), posts each alert's CloudEvent signed as the Standard Webhooks specification says, and
 * records the outcome: delivered on a 2xx answer, otherwise tried again on the retry schedule until it
 * is spent. The {@code webhook-id} is the alert's event id, the same on every attempt and for every
 * subscription, so a receiver drops repeats by it.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter attemptsFailed;
    private final Counter givenUp;

    @Inject
    public WebhookDispatcher(WebhookDeliveries deliveries, WebhookSettings settings, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.schedule = new RetrySchedule(settings.retryDelays());
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.delivered = Counter.builder("understudy.webhooks.delivered").description("Webhook deliveries a receiver accepted (2xx)").register(meters);
        this.attemptsFailed = Counter.builder("understudy.webhooks.attempts.failed")
                .description("Webhook attempts that failed (no answer, or not 2xx); each is tried again on the retry schedule").register(meters);
        this.givenUp = Counter.builder("understudy.webhooks.failed")
                .description("Webhook deliveries given up once the retry schedule was spent").register(meters);
    }

    @Scheduled(every = "${understudy.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void pass() {
        List<WebhookDeliveries.Due> due;
        do {
            OffsetDateTime now = OffsetDateTime.now(clock);
            due = deliveries.claim(now, now.plus(settings.claimFor()), settings.batchSize());
            CompletableFuture.allOf(due.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
        } while (due.size() == settings.batchSize());
    }

    private CompletableFuture<Void> send(WebhookDeliveries.Due d) {
        HttpRequest request;
        try {
            long timestamp = clock.instant().getEpochSecond();
            String id = d.alertId().toString();
            request = HttpRequest.newBuilder(URI.create(d.url())).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Understudy-Webhooks")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", new Webhook(d.secret()).sign(id, timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        } catch (WebhookSigningException | RuntimeException e) {
            failed(d, null, "not sent: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            try {
                if (error != null) {
                    Throwable cause = error.getCause() == null ? error : error.getCause();
                    failed(d, null, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                } else if (response.statusCode() / 100 == 2) {
                    deliveries.delivered(d, response.statusCode(), OffsetDateTime.now(clock));
                    delivered.increment();
                } else {
                    failed(d, response.statusCode(), "answered " + response.statusCode());
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Recording webhook delivery %s to %s failed: it will be tried again", d.alertId(), d.subscriptionId());
            }
            return null;
        });
    }

    private void failed(WebhookDeliveries.Due d, Integer status, String error) {
        attemptsFailed.increment();
        OffsetDateTime next = schedule.nextAttempt(d.attempt(), OffsetDateTime.now(clock)).orElse(null);
        if (next == null) {
            givenUp.increment();
            LOG.warnf("Webhook delivery of alert %s to subscription %s failed %d times (last: %s): given up",
                    d.alertId(), d.subscriptionId(), d.attempt(), error);
        }
        deliveries.failed(d, status, error, next);
    }

    /** Skips every pass when deliveries are switched off ({@code understudy.webhooks.enabled=false}). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final WebhookSettings settings;

        @Inject
        public Disabled(WebhookSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !settings.enabled();
        }
    }
}
