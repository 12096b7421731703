package org.understudy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second succession-service beside the stack's own: the same jar, database and topics, on a port of
 * its own, started by the bench (the stack's script starts one instance). With one writer at a time it
 * is a standby; the bench kills and starts instances to time a take-over.
 */
final class SecondInstance implements AutoCloseable {
    private final Process process;
    private final int port;

    private SecondInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SecondInstance start(Path root, Path state, int port, int kafkaPort, int pgPort, Http http) throws Exception {
        return startWith(root, state, port, kafkaPort, pgPort, http, "-Xmx256m");
    }

    /** The same with a heap of the caller's choosing ({@code -Xmx...}). */
    static SecondInstance startWith(Path root, Path state, int port, int kafkaPort, int pgPort, Http http, String heap) throws Exception {
        Path app = root.resolve("succession-service/target/quarkus-app");
        Path log = state.resolve("logs/succession-service-2.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dunderstudy.component=succession-service-2", "-Xms64m", heap, "-jar", "quarkus-run.jar"))
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/understudy_succession");
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", state.resolve("keys/jwt-public.pem").toUri().toString());
        SecondInstance instance = new SecondInstance(builder.start(), port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (http.status(instance.url() + "/q/health/ready") != 200) {
            if (!instance.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the second succession-service did not become ready; see " + log);
            }
            Thread.sleep(200);
        }
        return instance;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
