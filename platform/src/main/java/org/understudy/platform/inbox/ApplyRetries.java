package org.understudy.platform.inbox;

import org.jboss.logging.Logger;
import org.understudy.events.ContractViolation;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * How consumers retry applying an event: transient failures (the database away, a lock or
 * serialisation conflict) are retried with back-off until they pass, so an outage delays events but
 * loses none; any other failure is tried a few times and then reported as a {@link ContractViolation},
 * which sends the record to the dead-letter topic; a malformed event is not retried at all.
 */
public final class ApplyRetries {
    private static final Logger LOG = Logger.getLogger(ApplyRetries.class);

    private ApplyRetries() {
    }

    public static <T> T run(String eventId, int attemptsForPersistentFailures, Callable<T> attempt) {
        long backoff = 100;
        int persistentFailures = 0;
        while (true) {
            try {
                return attempt.call();
            } catch (ContractViolation e) {
                throw e;
            } catch (Exception e) {
                if (TransientFailures.isTransient(e)) {
                    LOG.warnf("Transient failure applying event %s, retrying in %d ms: %s", eventId, backoff, e.getMessage());
                } else if (++persistentFailures >= attemptsForPersistentFailures) {
                    throw new ContractViolation(List.of("could not be applied after " + persistentFailures + " attempts: " + e));
                } else {
                    LOG.warnf(e, "Failure applying event %s (attempt %d)", eventId, persistentFailures);
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying", interrupted);
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }
}
