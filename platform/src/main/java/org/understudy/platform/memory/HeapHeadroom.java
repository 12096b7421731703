package org.understudy.platform.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;

/**
 * Room in the heap for work whose live data is large, a rebuild of a view say, while it runs. The
 * services keep little free heap so that they stay small (deploy/local/up: MinHeapFreeRatio=10,
 * MaxHeapFreeRatio=30). With that, a national rebuild's 100-130 MB of live data left the serial
 * collector so little room that it ran a full collection every third of a second, two thirds of the
 * rebuild's time. While open, the JVM keeps at least {@code minFreePercent} of the heap free (growing
 * it up to -Xmx); closing restores the ratios it had, and {@link IdleHeapRelease} gives the heap back
 * once the service is idle. Both ratios are flags the JVM lets a running program change.
 */
public final class HeapHeadroom implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HeapHeadroom.class);
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";

    private final HotSpotDiagnosticMXBean vm;
    private final String minBefore;
    private final String maxBefore;

    private HeapHeadroom(HotSpotDiagnosticMXBean vm, String minBefore, String maxBefore) {
        this.vm = vm;
        this.minBefore = minBefore;
        this.maxBefore = maxBefore;
    }

    /**
     * Keeps at least {@code minFreePercent} and at most {@code maxFreePercent} of the heap free until
     * closed; ratios already looser than these stay as they are. Where the JVM refuses, nothing changes
     * (logged).
     */
    public static HeapHeadroom keepFree(int minFreePercent, int maxFreePercent) {
        HotSpotDiagnosticMXBean vm = null;
        String min = null;
        String max = null;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            min = vm.getVMOption(MIN).getValue();
            max = vm.getVMOption(MAX).getValue();
            // Max first and Min last, so that Min never exceeds Max on the way.
            vm.setVMOption(MAX, String.valueOf(Math.max(Integer.parseInt(max), maxFreePercent)));
            vm.setVMOption(MIN, String.valueOf(Math.max(Integer.parseInt(min), Math.min(minFreePercent, maxFreePercent))));
            LOG.debugf("Heap kept at least %d%% free (was %s%%)", minFreePercent, min);
        } catch (RuntimeException refused) {
            LOG.infof("The heap's free ratios could not be changed (%s); the work runs with the heap as it is", refused.toString());
        }
        return new HeapHeadroom(vm, min, max);
    }

    /** Restores the ratios the JVM had (Min first, so that it never exceeds Max on the way). */
    @Override
    public void close() {
        if (vm == null || minBefore == null || maxBefore == null) {
            return;
        }
        try {
            vm.setVMOption(MIN, minBefore);
            vm.setVMOption(MAX, maxBefore);
        } catch (RuntimeException refused) {
            LOG.warnf("The heap's free ratios could not be restored to %s%% / %s%%: %s", minBefore, maxBefore, refused.toString());
        }
    }
}
