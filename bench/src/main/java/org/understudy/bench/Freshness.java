package org.understudy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time from a write's HTTP 2xx to the change arriving on succession-service's live stream.
 *
 * <p>Writes alternate between the two source services at a fixed rate (open loop: a slow answer does
 * not slow the rate). vacancy-service writes name a post's interim cover by a candidate id made up
 * for that write alone (vacancy-service does not own candidates and takes any id; the view shows it
 * as {@code interimCover.candidateId}), so the stream event that first shows that id (or the id of
 * a later write to the same post, when the stream coalesced) is the write becoming visible. candidate-service writes record a
 * readiness assessment (toggling ready now / ready in 1-2 years): they load the pipeline as real
 * writes do but carry no marker that identifies them in the view, so the latency is measured on
 * the vacancy-service half.
 */
final class Freshness {
    record Result(double p50, double p99, double max, int measured, int unresolved, int writes, int errors, double rate,
                  double sentP50, double sentP99) {
    }

    private final Http http;
    private final Urls urls;
    private final List<String> postIds;
    private final List<String> candidateIds;
    private final AtomicLong counter = new AtomicLong();

    private final String streamBase;
    /** The writes' own client, so that they neither wait behind nor delay a read load on the shared one. */
    private final java.net.http.HttpClient writes;

    Freshness(Http http, Urls urls, List<String> postIds, List<String> candidateIds) {
        this(http, urls, postIds, candidateIds, urls.succession());
    }

    /** Timed on the stream of the succession-service instance at {@code streamBase} (another instance than the writer, say). */
    Freshness(Http http, Urls urls, List<String> postIds, List<String> candidateIds, String streamBase) {
        this.http = http;
        this.urls = urls;
        this.postIds = postIds;
        this.candidateIds = candidateIds;
        this.streamBase = streamBase;
        this.writes = http.ownClient();
    }

    private final Object lock = new Object();
    private record Write(String marker, long answeredAt) {
    }

    /** Per post: writes answered 2xx not yet seen on the stream, oldest first. */
    private final Map<String, Deque<Write>> pending = new HashMap<>();
    /** When each write was sent: a write shown on the stream supersedes the writes answered before it was sent. */
    private final Map<String, Long> sentAt = new HashMap<>();
    /** Markers shown on the live stream before their client had the answer (a write can show there first), and when. */
    private final Map<String, Long> shown = new HashMap<>();
    private final List<Double> latencies = new ArrayList<>();
    /** The same writes timed from when they were sent (the write service's own answer time included). */
    private final List<Double> fromSent = new ArrayList<>();

    Result run(int rate, int seconds) throws Exception {
        synchronized (lock) {
            pending.clear();
            sentAt.clear();
            shown.clear();
            latencies.clear();
            fromSent.clear();
        }
        CountDownLatch ready = new CountDownLatch(1);
        HttpRequest streamRequest = http.request(streamBase + "/api/v1/succession/stream")
                .header("Accept", "text/event-stream").timeout(java.time.Duration.ofHours(1)).GET().build();
        HttpResponse<InputStream> stream = http.ownClient().send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + stream.statusCode());
        }
        Thread reader = new Thread(() -> readStream(stream.body(), ready), "sse");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stream sent no ready event in 60 s");
        }

        AtomicLong errors = new AtomicLong();
        AtomicLong written = new AtomicLong();
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.add(i % 2 == 0 ? vacancyWrite(errors, written) : candidateWrite(i, errors, written));
            if (inFlight.size() > 2000) {
                inFlight.removeIf(java.util.concurrent.CompletableFuture::isDone);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (var f : inFlight) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // counted as an error by the write itself
            }
        }
        // Let the last writes arrive.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            synchronized (lock) {
                if (pending.values().stream().allMatch(Deque::isEmpty)) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        stream.body().close();
        reader.interrupt();
        synchronized (lock) {
            double[] ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
            double[] sent = fromSent.stream().mapToDouble(Double::doubleValue).toArray();
            int unresolved = pending.values().stream().mapToInt(Deque::size).sum();
            return new Result(Stats.percentile(ms, 50), Stats.percentile(ms, 99), Stats.max(ms), ms.length, unresolved,
                    (int) written.get(), (int) errors.get(), total / elapsed, Stats.percentile(sent, 50), Stats.percentile(sent, 99));
        }
    }

    private java.util.concurrent.CompletableFuture<?> vacancyWrite(AtomicLong errors, AtomicLong written) {
        long n = counter.incrementAndGet();
        String postId = postIds.get((int) (n % postIds.size()));
        String marker = java.util.UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("candidateId", marker, "namedOn", LocalDate.now().minusDays(1).toString());
        HttpRequest request = http.json("PUT", urls.vacancy() + "/api/v1/posts/" + postId + "/interim-cover", body);
        synchronized (lock) {
            sentAt.put(marker, System.nanoTime());
        }
        return writes.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure != null || response.statusCode() / 100 != 2) {
                errors.incrementAndGet();
                return;
            }
            written.incrementAndGet();
            synchronized (lock) {
                Long shownAt = shown.remove(marker);
                if (shownAt != null) {
                    latencies.add(0.0); // on the stream before the client had its answer
                    fromSent.add(Math.max(0, shownAt - sentAt.get(marker)) / 1e6);
                } else {
                    pending.computeIfAbsent(postId, k -> new ArrayDeque<>()).add(new Write(marker, now));
                }
            }
        });
    }

    private java.util.concurrent.CompletableFuture<?> candidateWrite(long i, AtomicLong errors, AtomicLong written) {
        String candidateId = candidateIds.get((int) ((i / 2) % candidateIds.size()));
        boolean readyNow = (i / 2 / candidateIds.size()) % 2 == 0;
        Map<String, Object> body = Map.of("role", "CHIEF_EXECUTIVE", "level", readyNow ? "READY_NOW" : "READY_1_2_YEARS",
                "assessedOn", LocalDate.now().toString(), "assessedBy", "bench");
        HttpRequest request = http.json("PUT", urls.candidate() + "/api/v1/candidates/" + candidateId + "/readiness", body);
        return writes.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() / 100 != 2) {
                errors.incrementAndGet();
            } else {
                written.incrementAndGet();
            }
        });
    }

    private void readStream(InputStream in, CountDownLatch ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = new StringBuilder();
            boolean live = false;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty()) {
                    long now = System.nanoTime();
                    if ("ready".equals(event)) {
                        live = true;
                        ready.countDown();
                    } else if (live && "post".equals(event) && data.length() > 0) {
                        onPost(Http.JSON.readTree(data.toString()), now);
                    }
                    event = null;
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // closed at the end of the run
        }
    }

    /**
     * A post shown with a marker: that write is visible, and so is the end of every write to the post
     * answered before it was sent (those committed before it, so it supersedes them). Writes answered
     * after it was sent may have committed after it and wait for a marker of their own. A marker shown
     * before its client had the answer counts as seen at once when the answer comes.
     */
    private void onPost(JsonNode post, long now) {
        JsonNode cover = post.path("interimCover").path("candidateId");
        if (!cover.isTextual()) {
            return;
        }
        String marker = cover.asText();
        String postId = post.path("postId").asText();
        synchronized (lock) {
            Long sent = sentAt.get(marker);
            if (sent == null) {
                return; // not a write of this run
            }
            Deque<Write> waiting = pending.getOrDefault(postId, new ArrayDeque<>());
            boolean answered = false;
            for (java.util.Iterator<Write> it = waiting.iterator(); it.hasNext(); ) {
                Write w = it.next();
                if (w.marker().equals(marker) || w.answeredAt() <= sent) {
                    latencies.add(Math.max(0, now - w.answeredAt()) / 1e6);
                    fromSent.add(Math.max(0, now - sentAt.get(w.marker())) / 1e6);
                    answered |= w.marker().equals(marker);
                    it.remove();
                }
            }
            if (!answered) {
                shown.putIfAbsent(marker, now);
            }
        }
    }
}
