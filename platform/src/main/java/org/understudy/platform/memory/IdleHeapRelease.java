package org.understudy.platform.memory;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives back the heap a burst of work left committed, once the service is idle. The serial collector
 * the services run with (deploy/local/up) grows the heap under load and shrinks it only at a full
 * collection, which an idle service never runs: after a minute at 200 writes/s a write service kept
 * 130-145 MB of heap for 35 MB of live data, for good. When {@link HeapReleasePolicy} says so, this
 * asks for one full collection ({@link System#gc()}); the JVM then shrinks the heap to its
 * MaxHeapFreeRatio and returns the rest (with -XX:-ShrinkHeapInSteps, at once). docs/benchmarks.md,
 * "Decisions the figures rest on".
 */
@ApplicationScoped
public class IdleHeapRelease {
    private static final Logger LOG = Logger.getLogger(IdleHeapRelease.class);

    @ConfigProperty(name = "understudy.heap-release.enabled", defaultValue = "true")
    boolean enabled;

    /** How long without a collection counts as idle. */
    @ConfigProperty(name = "understudy.heap-release.quiet-period", defaultValue = "PT30S")
    Duration quietPeriod;

    private ScheduledExecutorService checker;

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HeapReleasePolicy policy = new HeapReleasePolicy(quietPeriod, Math.max(0, memory.getHeapMemoryUsage().getInit()));
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idle-heap-release");
            t.setDaemon(true);
            return t;
        });
        long everyMs = Math.max(1000, quietPeriod.toMillis() / 6);
        checker.scheduleWithFixedDelay(() -> check(policy, memory), everyMs, everyMs, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    private static void check(HeapReleasePolicy policy, MemoryMXBean memory) {
        try {
            long before = memory.getHeapMemoryUsage().getCommitted();
            if (!policy.due(System.nanoTime(), collections(), before)) {
                return;
            }
            long started = System.nanoTime();
            System.gc();
            long after = memory.getHeapMemoryUsage().getCommitted();
            policy.released(System.nanoTime(), collections(), before, after);
            LOG.infof("Idle: heap committed %d MB -> %d MB after a full collection (%d ms); next after %d s without a collection",
                    before >> 20, after >> 20, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    policy.quietPeriod().toSeconds());
        } catch (RuntimeException e) {
            // A failed look must not end the schedule (an exception would cancel it for good).
            LOG.debug("Heap release check failed", e);
        }
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
