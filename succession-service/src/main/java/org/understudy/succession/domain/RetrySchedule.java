package org.understudy.succession.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: after the n-th failed attempt, the n-th delay; once
 * the delays are spent, never (the delivery has failed).
 *
 * @param delays the waits after the first, second, ... failed attempt
 */
public record RetrySchedule(List<Duration> delays) {
    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive: " + delays);
        }
    }

    /**
     * @param attemptsMade how many attempts have been made, the one that just failed included (1 or more)
     * @return when to try again, or empty when the delivery has failed for good
     */
    public Optional<OffsetDateTime> nextAttempt(int attemptsMade, OffsetDateTime failedAt) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be 1 or more: " + attemptsMade);
        }
        return attemptsMade > delays.size() ? Optional.empty() : Optional.of(failedAt.plus(delays.get(attemptsMade - 1)));
    }

    /** How long a receiver may stay down and still get every delivery (the delays' sum). */
    public Duration coverage() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
