package org.understudy.succession.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Webhook deliveries of alerts ({@code understudy.webhooks.*}; docs/integration.md, "Webhooks"). */
@ConfigMapping(prefix = "understudy.webhooks")
public interface WebhookSettings {
    /** Off: deliveries are recorded but not sent (another instance, or a later start, sends them). */
    @WithDefault("true")
    boolean enabled();

    /** The waits after the first, second, ... failed attempt; once spent, a delivery has failed. */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retryDelays();

    /** How often due deliveries are looked for (read by the sender's schedule as {@code understudy.webhooks.poll-interval}). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long a receiver has to answer. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Deliveries sent at once by one pass. */
    @WithDefault("50")
    int batchSize();

    /**
     * A delivery taken by a sender is not taken by another for this long: a sender that dies meanwhile
     * leaves it to be tried again after that.
     */
    @WithDefault("PT1M")
    Duration claimFor();

    /** Whether subscriptions may name http:// URLs (https:// only when false). */
    @WithDefault("false")
    boolean allowPlainHttp();
}
