package org.understudy.succession.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.understudy.events.ContractViolation;
import org.understudy.events.Topics;
import org.understudy.platform.memory.HeapHeadroom;
import org.understudy.succession.domain.MemoryViewStore;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.RebuildState;
import org.understudy.succession.domain.SuccessionSettings;
import org.understudy.succession.domain.UuidSet;
import org.understudy.succession.domain.ViewListener;
import org.understudy.succession.domain.ViewMaintenance;
import org.understudy.succession.persistence.RebuildSpill;
import org.understudy.succession.persistence.ViewBulkWriter;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the view from the topics: replays vacancy-events and candidate-events from the beginning
 * up to their ends as they were when it started, folding every event into a view in memory (the same
 * {@link ViewMaintenance} the live consumers run, on a {@link MemoryViewStore}), lets time pass up to
 * today, then replaces the stored view with it in one transaction ({@link ViewBulkWriter}). Records are
 * parsed and checked on other threads while the fold applies the previous batch. Live consumers wait
 * meanwhile and resume where they were; what they see again is recognised as applied.
 */
@ApplicationScoped
public class ViewRebuilder {
    private static final Logger LOG = Logger.getLogger(ViewRebuilder.class);
    private static final List<String> TOPICS = List.of(Topics.VACANCY_EVENTS, Topics.CANDIDATE_EVENTS);

    /** A rebuild's progress as the API shows it. */
    public record Progress(String state, OffsetDateTime startedAt, OffsetDateTime finishedAt, long eventsTotal,
                           long eventsProcessed, long eventsSkipped, double eventsPerSecond, String error) {
        static final Progress IDLE = new Progress("IDLE", null, null, 0, 0, 0, 0, null);
    }

    @Inject
    EventApplier applier;

    @Inject
    RebuildState rebuild;

    @Inject
    ViewBulkWriter writer;

    @Inject
    SuccessionSettings settings;

    @Inject
    ViewChanges changes;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * Records fetched (and parsed) at a time. Two batches are alive at once (one folded, one parsed);
     * with 5,000 they outlived the young generation and filled the old one: a national rebuild ran at
     * 21,800 events/s with 5,000, 28,400 with 2,000, 36,500 with 1,000 and 38,800 with 500.
     */
    @ConfigProperty(name = "understudy.rebuild.batch-size", defaultValue = "500")
    int batchSize;

    /** Threads that parse and check records while the fold applies (the fold itself is one thread: order matters). */
    @ConfigProperty(name = "understudy.rebuild.parse-threads", defaultValue = "2")
    int parseThreads;

    /**
     * The least of the heap kept free while a rebuild runs, in percent (the services otherwise keep
     * 10-30% free): with less, a national rebuild spent two thirds of its time in full collections.
     */
    @ConfigProperty(name = "understudy.rebuild.min-heap-free-percent", defaultValue = "40")
    int minHeapFreePercent;

    /** The most of the heap kept free while a rebuild runs, in percent. */
    @ConfigProperty(name = "understudy.rebuild.max-heap-free-percent", defaultValue = "70")
    int maxHeapFreePercent;

    /** The longest the final write may take (it copies every row of the view in one transaction). */
    @ConfigProperty(name = "understudy.rebuild.write-timeout", defaultValue = "PT10M")
    Duration writeTimeout;

    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "view-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile ExecutorService parsers;
    /** Polls the rebuild's consumer, one poll at a time, so that the fold thread never waits on the broker. */
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "view-rebuild-fetch");
        t.setDaemon(true);
        return t;
    });

    public Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild in the background; false if one is already running. */
    public synchronized boolean start() {
        if ("RUNNING".equals(progress.get().state())) {
            return false;
        }
        progress.set(new Progress("RUNNING", OffsetDateTime.now(clock), null, 0, 0, 0, 0, null));
        worker.submit(this::run);
        return true;
    }

    private void run() {
        OffsetDateTime started = progress.get().startedAt();
        long t0 = System.nanoTime();
        Fold fold = null;
        applier.rebuildLock().writeLock().lock();
        rebuild.set(true);
        try (HeapHeadroom room = HeapHeadroom.keepFree(minHeapFreePercent, maxHeapFreePercent);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize,
                ConsumerConfig.CLIENT_ID_CONFIG, "succession-service-rebuild"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            LOG.infof("Rebuilding the view from %d events on %s", total, TOPICS);
            Fold f = fold = new Fold(total);
            Iterator<List<ConsumerRecord<String, String>>> batches = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp));
                }

                @Override
                public List<ConsumerRecord<String, String>> next() {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, String> r : records) {
                        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                            batch.add(r);
                        }
                    }
                    return batch;
                }
            };
            fold.applyAll(batches, () -> {
                double seconds = (System.nanoTime() - t0) / 1e9;
                progress.set(new Progress("RUNNING", started, null, total, f.processed, f.skipped, f.processed / Math.max(seconds, 1e-3), null));
            });
            long folded = System.nanoTime();
            ViewBulkWriter.Written written = fold.write();
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.set(new Progress("DONE", started, OffsetDateTime.now(clock), total, fold.processed, fold.skipped,
                    fold.processed / Math.max(seconds, 1e-3), null));
            LOG.infof("Rebuilt the view from %d events in %.1f s (%.0f events/s; %d skipped, %d expired; fold %.1f s, write %.1f s: %s)",
                    fold.processed, seconds, fold.processed / Math.max(seconds, 1e-3), fold.skipped, fold.expired,
                    (folded - t0) / 1e9, (System.nanoTime() - folded) / 1e9, written.rows());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild failed; the view is as it was before");
            Progress p = progress.get();
            progress.set(new Progress("FAILED", started, OffsetDateTime.now(clock), p.eventsTotal(), p.eventsProcessed(),
                    p.eventsSkipped(), p.eventsPerSecond(), e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            if (fold != null) {
                fold.spill.close();
            }
            rebuild.set(false);
            applier.rebuildLock().writeLock().unlock();
        }
    }

    /**
     * Replaces the view with one rebuilt from these records, in this order (as a rebuild from the
     * topics does with the records it reads), with live consumers held meanwhile. For tests: the same
     * records applied one by one by the live path must give the same view.
     *
     * @return the records applied (including stale and duplicate ones) and skipped
     */
    public long[] replaceFrom(List<ConsumerRecord<String, String>> records) {
        applier.rebuildLock().writeLock().lock();
        rebuild.set(true);
        Fold fold = new Fold(records.size());
        try {
            fold.applyAll(List.of(records).iterator(), () -> {
            });
            fold.write();
            return new long[]{fold.processed, fold.skipped};
        } finally {
            fold.spill.close();
            rebuild.set(false);
            applier.rebuildLock().writeLock().unlock();
        }
    }

    /**
     * The future's value; a runtime exception is thrown as it was thrown on the other thread. Anything
     * else (an OutOfMemoryError, say) stays wrapped, so that the rebuild is reported as failed.
     */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ExecutorService parsers() {
        ExecutorService p = parsers;
        if (p == null) {
            synchronized (this) {
                if (parsers == null) {
                    parsers = Executors.newFixedThreadPool(Math.max(1, parseThreads), r -> {
                        Thread t = new Thread(r, "view-rebuild-parse");
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = parsers;
            }
        }
        return p;
    }

    /** One rebuild's view in memory, and its counts. */
    private final class Fold {
        /** Events the stored view had applied: checked against the contract when they arrived. */
        final UuidSet checkedBefore = QuarkusTransaction.requiringNew().call(() -> writer.appliedEventIds());
        final RebuildSpill spill = new RebuildSpill(clock);
        final MemoryViewStore store;
        final ViewMaintenance view;
        final ConsumerOutcomes outcomes = new ConsumerOutcomes();
        long processed;
        long skipped;
        int expired;

        /**
         * @param expectedEvents how many events the topics hold: the set of their ids is made that size at
         *                       once, up to a million (beyond, it grows as it fills)
         */
        Fold(long expectedEvents) {
            store = new MemoryViewStore(spill, (int) Math.min(expectedEvents, 1 << 20));
            view = new ViewMaintenance(store, ViewListener.NONE, settings, clock);
        }

        /**
         * Applies the batches in order. The next batch is fetched and parsed on other threads while this
         * one is applied: the fold is the one thread a rebuild waits for, so it does nothing else.
         */
        void applyAll(Iterator<List<ConsumerRecord<String, String>>> batches, Runnable afterEachBatch) {
            CompletableFuture<List<EventApplier.Decoded>> next = fetchAndParse(batches);
            try {
                List<EventApplier.Decoded> decoded;
                while ((decoded = joined(next)) != null) {
                    next = fetchAndParse(batches);
                    for (EventApplier.Decoded d : decoded) {
                        if (d == null) {
                            skipped++; // unknown type, or malformed (dead-lettered when it first arrived)
                            continue;
                        }
                        outcomes.add(d.parsed(), EventApplier.applyTo(view, d));
                        processed++;
                    }
                    outcomes.countIn(metrics);
                    afterEachBatch.run();
                }
            } finally {
                // If the fold failed, the next fetch may still be polling: the consumer is closed only once
                // it is done, since a Kafka consumer takes one thread at a time.
                next.handle((ignored, failure) -> null).join();
            }
            expired = view.expireUpTo(LocalDate.now(clock));
        }

        /** The next batch, fetched on the fetch thread (one fetch at a time) and parsed; null after the last. */
        private CompletableFuture<List<EventApplier.Decoded>> fetchAndParse(Iterator<List<ConsumerRecord<String, String>>> batches) {
            return CompletableFuture.supplyAsync(() -> batches.hasNext() ? batches.next() : null, fetcher)
                    .thenCompose(batch -> batch == null ? CompletableFuture.completedFuture(null) : parse(batch));
        }

        /** The batch parsed, checked and decoded, in order; null for each record that is skipped. */
        private CompletableFuture<List<EventApplier.Decoded>> parse(List<ConsumerRecord<String, String>> batch) {
            int chunks = Math.max(1, Math.min(parseThreads, batch.size() / 100));
            int size = (batch.size() + chunks - 1) / Math.max(chunks, 1);
            List<CompletableFuture<List<EventApplier.Decoded>>> parts = new ArrayList<>();
            for (int from = 0; from < batch.size(); from += size) {
                List<ConsumerRecord<String, String>> part = batch.subList(from, Math.min(batch.size(), from + size));
                parts.add(CompletableFuture.supplyAsync(() -> {
                    List<EventApplier.Decoded> out = new ArrayList<>(part.size());
                    for (ConsumerRecord<String, String> r : part) {
                        out.add(decode(r));
                    }
                    return out;
                }, parsers()));
            }
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
                List<EventApplier.Decoded> all = new ArrayList<>(batch.size());
                parts.forEach(p -> all.addAll(p.join()));
                return all;
            });
        }

        private EventApplier.Decoded decode(ConsumerRecord<String, String> record) {
            try {
                EventApplier.Parsed parsed = applier.parse(record, checkedBefore);
                return parsed == null ? null : EventApplier.decode(parsed);
            } catch (ContractViolation malformed) {
                return null;
            }
        }

        /** Replaces the stored view with this one, in one transaction; tells the live stream every post changed. */
        ViewBulkWriter.Written write() {
            ViewBulkWriter.Written written = QuarkusTransaction.requiringNew().timeout((int) writeTimeout.toSeconds())
                    .call(() -> {
                        ViewBulkWriter.Written w = writer.replace(store, spill);
                        for (PostSuccession p : store.posts()) {
                            changes.changed(p.postId);
                        }
                        return w;
                    });
            return written;
        }
    }
}
