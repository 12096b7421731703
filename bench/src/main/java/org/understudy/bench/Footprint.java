package org.understudy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resident memory of the stack's processes (from their pid files) and their time from start to ready. */
final class Footprint {
    private final Path runDir;

    Footprint(Path stateDir) {
        this.runDir = stateDir.resolve("run");
    }

    Optional<ProcessHandle> process(String component) {
        try {
            Path file = runDir.resolve(component + ".pid");
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** VmRSS in MB, or NaN. */
    double rssMb(String component) {
        return statusMb(component, "VmRSS:");
    }

    /**
     * The share of one core each component used over one window, in percent (NaN for one not running).
     * Taken before a measurement with no load applied: a service still busy then disturbs what follows.
     */
    Map<String, Double> cpuPercent(List<String> components, Duration window) throws InterruptedException {
        Map<String, Optional<Duration>> before = new LinkedHashMap<>();
        components.forEach(c -> before.put(c, cpuTime(c)));
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        long elapsed = System.nanoTime() - started;
        Map<String, Double> percent = new LinkedHashMap<>();
        before.forEach((c, b) -> percent.put(c, b.flatMap(from -> cpuTime(c).map(to -> 100.0 * to.minus(from).toNanos() / elapsed))
                .orElse(Double.NaN)));
        return percent;
    }

    Optional<Duration> cpuTime(String component) {
        return process(component).flatMap(p -> p.info().totalCpuDuration());
    }

    /** VmHWM in MB (the most the process has been resident since it started), or NaN. */
    double peakRssMb(String component) {
        return statusMb(component, "VmHWM:");
    }

    /** A kB field of /proc/<pid>/status in MB, or NaN. */
    private double statusMb(String component, String field) {
        return process(component).map(p -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return Double.NaN;
        }).orElse(Double.NaN);
    }

    /**
     * Stops the component (SIGTERM, as deploy/local/down), starts what is missing with
     * {@code deploy/local/up --detach --no-seed} (same environment), and returns the seconds from the new
     * process's start (its start time in /proc) to its first 200 on /q/health/ready, polled every 20 ms.
     */
    double restartToReady(Path root, String component, int port, Http http) throws Exception {
        ProcessHandle old = process(component).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        old.destroy();
        old.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        Process up = new ProcessBuilder(List.of(root.resolve("deploy/local/up").toString(), "--detach", "--no-seed"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        ProcessHandle fresh = null;
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> p = process(component);
            if (p.isPresent() && p.get().pid() != old.pid()) {
                fresh = p.get();
                break;
            }
            Thread.sleep(10);
        }
        if (fresh == null) {
            throw new IllegalStateException(component + " did not start again");
        }
        String url = "http://127.0.0.1:" + port + "/q/health/ready";
        while (System.nanoTime() < deadline) {
            if (http.status(url) == 200) {
                Instant ready = Instant.now();
                Instant started = fresh.info().startInstant().orElseThrow();
                up.waitFor();
                return Duration.between(started, ready).toMillis() / 1000.0;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(component + " was not ready in 120 s");
    }

    /** Baseline: seconds for a bare JVM to start and exit ({@code java -version}). */
    static double jvmStart() throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto", "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return (System.nanoTime() - start) / 1e9;
    }
}
