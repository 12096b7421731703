package org.understudy.succession.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lets time pass when no event arrives: assessments go stale and fit-and-proper checks lapse on
 * their own. (Each event also lets time pass up to its own day before it applies.)
 */
@ApplicationScoped
public class ExpirySweeper {
    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class);

    @Inject
    SuccessionView view;

    @Inject
    RebuildState rebuild;

    @Inject
    Clock clock;

    @Inject
    SuccessionSettings settings;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "expiry-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = settings.expiryInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Expires everything due up to today; returns the number of pairs re-evaluated. */
    public int sweep() {
        if (rebuild.rebuilding()) {
            return 0;
        }
        try {
            int expired = QuarkusTransaction.requiringNew().call(() -> view.expireUpTo(LocalDate.now(clock)));
            if (expired > 0) {
                LOG.infof("%d succession contributions expired (stale assessments or lapsed checks)", expired);
            }
            return expired;
        } catch (RuntimeException e) {
            LOG.warnf("Expiry sweep failed, will retry: %s", e.getMessage());
            return 0;
        }
    }
}
