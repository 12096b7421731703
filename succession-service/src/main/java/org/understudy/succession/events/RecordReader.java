package org.understudy.succession.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads records ({@link EventRecords#read}) on a few threads of its own: a large poll is cut into as
 * many parts, read at once, and handed back in order; a small one is read where it is asked.
 */
@ApplicationScoped
public class RecordReader {
    /** Below this many records a poll is read by the caller: handing it on costs more than it saves. */
    private static final int READ_HERE_BELOW = 200;

    private final int threads;
    private final ExecutorService pool;

    public RecordReader(WriterSettings settings) {
        this.threads = Math.max(1, settings.readThreads());
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "event-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The records read, in order. */
    public List<EventRecords.Read> readAll(List<ConsumerRecord<String, String>> records) {
        if (records.size() < READ_HERE_BELOW) {
            List<EventRecords.Read> out = new ArrayList<>(records.size());
            records.forEach(r -> out.add(EventRecords.read(r)));
            return out;
        }
        return readAllAsync(records).join();
    }

    /** The records read on the reader's threads, in order. */
    public CompletableFuture<List<EventRecords.Read>> readAllAsync(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        int size = (records.size() + threads - 1) / threads;
        List<CompletableFuture<List<EventRecords.Read>>> parts = new ArrayList<>();
        for (int from = 0; from < records.size(); from += size) {
            List<ConsumerRecord<String, String>> part = records.subList(from, Math.min(records.size(), from + size));
            parts.add(CompletableFuture.supplyAsync(() -> {
                List<EventRecords.Read> out = new ArrayList<>(part.size());
                part.forEach(r -> out.add(EventRecords.read(r)));
                return out;
            }, pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<EventRecords.Read> all = new ArrayList<>(records.size());
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        pool.shutdownNow();
    }
}
