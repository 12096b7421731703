package org.understudy.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker in its own JVM (local-infra's LocalInfraMain, as deploy/local/up runs it), so that
 * the fault-injection suite can SIGKILL it and start it again on the same ports and data.
 */
final class KafkaProcess implements AutoCloseable {
    private final int port;
    private final int controllerPort;
    private final Path dir;
    private final Path log;
    private Process process;

    KafkaProcess(int port, int controllerPort, Path dir, Path log) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dir = dir;
        this.log = log;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (formatting its data directory the first time) and waits until it says it is ready. */
    void start() throws Exception {
        Files.createDirectories(log.getParent());
        long before = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), "org.understudy.infra.LocalInfraMain", "kafka",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
                "--dir", dir.toString(), "--topics", "vacancy-events,candidate-events,succession-alerts,succession-assessments", "--partitions", "3");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka exited with " + process.exitValue() + "; see " + log);
            }
            if (Files.size(log) > before && Files.readString(log).substring((int) before).contains("READY kafka")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("kafka was not ready within 120 s; see " + log);
    }

    /** SIGKILL: the broker gets no chance to flush or hand over anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
