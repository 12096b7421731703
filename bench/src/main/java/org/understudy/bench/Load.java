package org.understudy.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: a fixed number of threads, each sending its next request as soon as
 * the last one is answered, over one HTTP/1.1 client (one connection per thread). Counted after a warm-up.
 */
final class Load {
    record Result(double requestsPerSecond, double p50, double p99, long requests, long errors) {
    }

    private final Http http;
    private final int threads;

    Load(Http http, int threads) {
        this.http = http;
        this.threads = threads;
    }

    /** Runs while {@code during} is called once a second (to sample memory, say). */
    Result run(Supplier<HttpRequest> next, int warmupSeconds, int seconds, Runnable during) throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        int capacity = 4_000_000 / threads;
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[capacity];
            perThread.add(latencies);
            int index = t;
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    HttpRequest request = next.get();
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<Void> response = http.client.send(request, HttpResponse.BodyHandlers.discarding());
                        ok = response.statusCode() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - start;
                    if (counting.get()) {
                        if (!ok) {
                            errors.incrementAndGet();
                        } else if (counts[index] < capacity) {
                            latencies[counts[index]++] = took;
                        }
                    }
                }
            }, "load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmupSeconds * 1000L);
        counting.set(true);
        long start = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            during.run();
        }
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread w : workers) {
            w.join(30_000);
        }
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        double[] ms = new double[n];
        int i = 0;
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < counts[t]; k++) {
                ms[i++] = perThread.get(t)[k] / 1e6;
            }
        }
        return new Result(n / elapsed, Stats.percentile(ms, 50), Stats.percentile(ms, 99), n, errors.get());
    }

    static <T> T pick(List<T> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }
}
