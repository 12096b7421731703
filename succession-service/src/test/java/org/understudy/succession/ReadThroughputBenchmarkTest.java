package org.understudy.succession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.infra.security.TestTokens;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Requests per second of the succession read endpoints against the trivial open one, with 16
 * keep-alive connections (each authenticated request carries a bearer token, as in production),
 * on 200 generated trusts (400 posts, half with a vacancy). Prints, does not assert: the load
 * generator shares the machine with the service, so the numbers are only comparable with each
 * other; the service's CPU time per request (the JVM's less the load generator's threads', the
 * database's not included) depends less on what else the machine is doing. Also prints what
 * verifying one token costs. Removes its rows afterwards.
 *
 * <p>On demand only: {@code ./mvnw -B -o verify -pl succession-service -Dtest=ReadThroughputBenchmarkTest
 * -Dunderstudy.bench=true} (optionally {@code -Dunderstudy.bench.seconds=10}, {@code -Dunderstudy.bench.jfr=/tmp},
 * {@code -Dunderstudy.bench.only=size=200} for the endpoints whose line contains that text).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "understudy.bench", matches = "true")
class ReadThroughputBenchmarkTest {
    private static final int CONNECTIONS = 16;
    private static final int TRUSTS = 200;

    @Inject
    DataSource dataSource;

    @Inject
    JWTParser parser;

    @Inject
    DefaultJWTParser verifier;

    @TestHTTPResource("/")
    URI base;

    @Test
    void readEndpoints() throws Exception {
        int seconds = Integer.getInteger("understudy.bench.seconds", 10);
        List<String> ods = new ArrayList<>();
        List<UUID> posts = new ArrayList<>();
        List<UUID> vacancies = new ArrayList<>();
        seed(ods, posts, vacancies);
        try {
            String token = TestTokens.mint("viewer");
            String auth = "Authorization: Bearer " + token + "\r\n";
            UUID[] ids = posts.toArray(UUID[]::new);
            run("GET /q/health/live", seconds, i -> request("/q/health/live", ""));
            run("GET /api/v1/succession/posts/{id}", seconds, i -> request("/api/v1/succession/posts/" + ids[(i * 7919) % ids.length], auth));
            run("GET /api/v1/succession/posts?role=CHIEF_EXECUTIVE&size=200", seconds,
                    i -> request("/api/v1/succession/posts?role=CHIEF_EXECUTIVE&size=200", auth));

            time("DefaultJWTParser.parse (verifies)", () -> verifier.parse(token));
            time("JWTParser.parse (as authentication calls it)", () -> parser.parse(token));
        } finally {
            remove(ods, posts, vacancies);
        }
    }

    /** CPU time of the load generator's threads, subtracted from the JVM's to leave the service's. */
    private final AtomicLong clientCpu = new AtomicLong();

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private interface Parse {
        void run() throws Exception;
    }

    private static void time(String name, Parse parse) throws Exception {
        int n = 2_000;
        for (int i = 0; i < 200; i++) {
            parse.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            parse.run();
        }
        System.out.printf("[read benchmark] %s of one token: %.1f us per call (one thread)%n", name, (System.nanoTime() - t0) / 1e3 / n);
    }

    private String request(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n" + headers + "\r\n";
    }

    /**
     * Warms up for 3 s, then counts for the given seconds; prints requests/s and latency percentiles.
     * With {@code -Dunderstudy.bench.jfr=FOLDER}, a CPU profile of each measurement is written there.
     */
    private void run(String name, int seconds, IntFunction<String> requests) throws Exception {
        String only = System.getProperty("understudy.bench.only");
        if (only != null && !name.contains(only)) {
            return;
        }
        measure(requests, 3);
        String jfr = System.getProperty("understudy.bench.jfr");
        Recording recording = null;
        if (jfr != null) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
        }
        long cpu0 = processCpu();
        clientCpu.set(0);
        long[][] latencies = measure(requests, seconds);
        long serverCpu = processCpu() - cpu0 - clientCpu.get();
        if (recording != null) {
            recording.stop();
            Path file = Path.of(jfr, name.replaceAll("[^A-Za-z]+", "-") + ".jfr");
            recording.dump(file);
            recording.close();
            System.out.println("[read benchmark] profile: " + file);
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("[read benchmark] %-60s %8.0f req/s  p50 %.2f ms  p99 %.2f ms  service CPU %.0f us/request  (%d requests, %d connections)%n",
                name, all.length / (double) seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                serverCpu / 1e3 / all.length, all.length, CONNECTIONS);
    }

    private long[][] measure(IntFunction<String> requests, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        long[][] out = new long[CONNECTIONS][];
        Thread[] threads = new Thread[CONNECTIONS];
        Exception[] failure = new Exception[1];
        for (int c = 0; c < CONNECTIONS; c++) {
            int conn = c;
            threads[c] = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int count = 0;
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream os = socket.getOutputStream();
                    InputStream is = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                    for (int i = conn; !stop.get(); i += CONNECTIONS) {
                        long start = System.nanoTime();
                        os.write(requests.apply(i).getBytes(StandardCharsets.US_ASCII));
                        os.flush();
                        int status = readResponse(is);
                        if (status != 200) {
                            throw new IllegalStateException("status " + status);
                        }
                        if (count == lat.length) {
                            lat = Arrays.copyOf(lat, lat.length * 2);
                        }
                        lat[count++] = System.nanoTime() - start;
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
                out[conn] = Arrays.copyOf(lat, count);
                clientCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            });
            threads[c].start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return out;
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked), returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).strip(), 16); size > 0; size = Long.parseLong(line(in).strip(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return Integer.parseInt(status.substring(9, 12));
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    /** 200 trusts, a chief executive and a chair post each; every other post has a vacancy (its latest). */
    private void seed(List<String> ods, List<UUID> posts, List<UUID> vacancies) throws Exception {
        Random random = new Random(200);
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection();
             PreparedStatement org = c.prepareStatement("INSERT INTO organisation_view (ods_code, name, region, organisation_type, "
                     + "oversight_segment, version, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)");
             PreparedStatement post = c.prepareStatement("INSERT INTO post_succession (post_id, ods_code, role, version, named_ready_now, "
                     + "pool_ready_now, ready_now, ready_soon, replaceability, last_event_id, last_topic, last_partition, last_offset, updated_at, "
                     + "incumbent_candidate_id, incumbent_since, incumbent_interim, applicants, shortlisted, last_shortlist_size, open_vacancy_id, "
                     + "latest_vacancy_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'bench', 0, 0, ?, ?, ?, false, ?, ?, ?, ?, ?)");
             PreparedStatement vacancy = c.prepareStatement("INSERT INTO vacancy_view (vacancy_id, post_id, status, live_applications, "
                     + "shortlist_size, readverts, first_advertised_on, version, created_at, updated_at) VALUES (?, ?, 'OPEN', 4, 2, 1, ?, 1, ?, ?)")) {
            for (int t = 0; t < TRUSTS; t++) {
                String code = "Z" + String.format("%03d", t);
                ods.add(code);
                org.setString(1, code);
                org.setString(2, "Benchmark NHS Trust " + code);
                org.setString(3, Region.values()[t % Region.values().length].name());
                org.setString(4, OrganisationType.values()[t % OrganisationType.values().length].name());
                org.setInt(5, 1 + t % 5);
                org.setTimestamp(6, now);
                org.addBatch();
                for (BoardRole role : List.of(BoardRole.CHIEF_EXECUTIVE, BoardRole.CHAIR)) {
                    UUID id = UUID.randomUUID();
                    posts.add(id);
                    int readyNow = random.nextInt(5);
                    UUID v = posts.size() % 2 == 0 ? UUID.randomUUID() : null;
                    post.setObject(1, id);
                    post.setString(2, code);
                    post.setString(3, role.name());
                    post.setInt(4, Math.min(readyNow, 1));
                    post.setInt(5, readyNow);
                    post.setInt(6, readyNow);
                    post.setInt(7, random.nextInt(3));
                    post.setString(8, readyNow >= 3 ? "STRONG" : readyNow == 2 ? "VIABLE" : readyNow == 1 ? "THIN" : "NONE");
                    post.setObject(9, UUID.randomUUID());
                    post.setTimestamp(10, now);
                    post.setObject(11, UUID.randomUUID());
                    post.setDate(12, Date.valueOf(today.minusDays(random.nextInt(2000))));
                    post.setObject(13, v == null ? null : 4, java.sql.Types.INTEGER);
                    post.setObject(14, v == null ? null : 2, java.sql.Types.INTEGER);
                    post.setObject(15, v == null ? null : 2, java.sql.Types.INTEGER);
                    post.setObject(16, v);
                    post.setObject(17, v);
                    post.addBatch();
                    if (v != null) {
                        vacancies.add(v);
                        vacancy.setObject(1, v);
                        vacancy.setObject(2, id);
                        vacancy.setDate(3, Date.valueOf(today.minusDays(random.nextInt(200))));
                        vacancy.setTimestamp(4, now);
                        vacancy.setTimestamp(5, now);
                        vacancy.addBatch();
                    }
                }
            }
            org.executeBatch();
            post.executeBatch();
            vacancy.executeBatch();
            SeededViewRows.versionMoved(c, posts);
        }
    }

    private void remove(List<String> ods, List<UUID> posts, List<UUID> vacancies) throws Exception {
        SeededViewRows.remove(dataSource, ods, posts, vacancies);
    }
}
