package org.understudy.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scale runs' figures side by side ({@code scale-<n>.json} from {@link ScaleMain}), with the heap a
 * size needs as a straight line through them (least squares over the candidates) and how the CPU an event
 * grows from the smallest size to the largest. Written to scale.md too.
 */
public final class ScaleTable {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<JsonNode> runs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            runs.add(Http.JSON.readTree(Files.readString(dir.resolve("scale-" + args[i] + ".json"))));
        }
        StringBuilder md = new StringBuilder("| scale | candidates | events | catch-up events/s | CPU an event (ms) | heap after full GC (MB) "
                + "| restart → writing (s) | post read p99 (ms) | post reads/s | capacity recomputed (ms) |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double n = runs.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (JsonNode r : runs) {
            md.append(String.format(Locale.ROOT, "| %d× | %,d | %,d | %,.0f | %.3f | %,.0f | %.1f | %.1f | %,.0f | %,.0f |%n", r.path("scale").asInt(),
                    r.path("candidates").asLong(), r.path("events").asLong(), r.path("catchUpEventsPerSecond").asDouble(),
                    r.path("cpuMsPerEvent").asDouble(), r.path("heapMb").asDouble(), r.path("restartToWritingSeconds").asDouble(),
                    r.path("postReadP99Ms").asDouble(), r.path("postReadsPerSecond").asDouble(), r.path("capacityRecomputedMs").asDouble()));
            double x = r.path("candidates").asDouble();
            double y = r.path("heapMb").asDouble();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        if (n * sxx - sx * sx == 0) {
            // One size (or several with the same number of candidates) draws no line.
            md.append(String.format(Locale.ROOT, "%nHeap the writer needs: measure two sizes or more (e.g. --scale 1,3) for a line through them.%n"));
        } else {
            double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            double intercept = (sy - slope * sx) / n;
            double cpuGrowth = runs.get(runs.size() - 1).path("cpuMsPerEvent").asDouble() / runs.get(0).path("cpuMsPerEvent").asDouble();
            md.append(String.format(Locale.ROOT, "%nHeap the writer needs, after a full collection: about %.0f MB + %.1f kB × candidates "
                    + "(least squares over the sizes above). CPU an event at the largest size: %.2f× the smallest's.%n", intercept, slope * 1000, cpuGrowth));
        }
        Files.writeString(dir.resolve("scale.md"), md.toString());
        System.out.print(md);
    }
}
