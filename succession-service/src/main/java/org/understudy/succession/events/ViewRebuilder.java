package org.understudy.succession.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.understudy.events.Topics;
import org.understudy.platform.kafka.KafkaClients;
import org.understudy.succession.domain.Applied;
import org.understudy.succession.domain.SuccessionSettings;
import org.understudy.succession.domain.ViewListener;
import org.understudy.succession.domain.ViewMaintenance;
import org.understudy.succession.domain.ViewState;
import org.understudy.succession.persistence.ChangeSetWriter;
import org.understudy.succession.persistence.RebuildSpill;
import org.understudy.succession.persistence.ViewBulkWriter;
import org.understudy.succession.persistence.WriterLease;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Rebuilds the view from the topics, on the writer (between its polls, so nothing else is applied
 * meanwhile): replays vacancy-events and candidate-events from the beginning up to their ends as they
 * were when it started, folding every event into a new view in memory (the same {@link ViewMaintenance}
 * the writer runs), lets time pass up to today, then replaces the stored view and its positions in one
 * transaction ({@link ViewBulkWriter}). Records are fetched on a thread of their own and read on the
 * reader's threads while the fold applies the batch before. The writer then goes on from the positions
 * the rebuild stored.
 */
@ApplicationScoped
public class ViewRebuilder {
    private static final Logger LOG = Logger.getLogger(ViewRebuilder.class);
    private static final List<String> TOPICS = Topics.Access.SUCCESSION_SERVICE.reads();

    /** A rebuild's progress as the API shows it. */
    public record Progress(String state, OffsetDateTime startedAt, OffsetDateTime finishedAt, long eventsTotal,
                           long eventsProcessed, long eventsSkipped, double eventsPerSecond, String error) {
        static final Progress IDLE = new Progress("IDLE", null, null, 0, 0, 0, 0, null);
    }

    @Inject
    ViewWriter writer;

    @Inject
    ViewBulkWriter bulk;

    @Inject
    RecordReader reader;

    @Inject
    KafkaClients kafka;

    @Inject
    SuccessionSettings settings;

    @Inject
    RebuildSettings config;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    Clock clock;

    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);
    /** Polls the rebuild's consumer, one poll at a time, so that the fold never waits on the broker. */
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "view-rebuild-fetch");
        t.setDaemon(true);
        return t;
    });

    public Progress progress() {
        return progress.get();
    }

    /**
     * Starts a rebuild on the writer's thread; false if one is already running.
     *
     * @throws ViewWriter.NotTheWriter on a standby (a rebuild belongs to the writer)
     */
    public synchronized boolean start() {
        if ("RUNNING".equals(progress.get().state())) {
            return false;
        }
        if (writer.role() != ViewWriter.Role.WRITER) {
            throw writer.standby(); // names the writer
        }
        OffsetDateTime started = OffsetDateTime.now(clock);
        progress.set(new Progress("RUNNING", started, null, 0, 0, 0, 0, null));
        writer.exclusively(lease -> {
            run(lease, started);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.errorf(cause, "Rebuild failed; the view is as it was before");
                Progress p = progress.get();
                progress.set(new Progress("FAILED", started, OffsetDateTime.now(clock), p.eventsTotal(), p.eventsProcessed(),
                        p.eventsSkipped(), p.eventsPerSecond(), cause.getClass().getSimpleName() + ": " + cause.getMessage()));
            }
        });
        return true;
    }

    private void run(WriterLease lease, OffsetDateTime started) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Object> consumerSettings = kafka.consumer("rebuild");
        consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new StringDeserializer());
             Fold fold = new Fold()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            LOG.infof("Rebuilding the view from %d events on %s", total, TOPICS);
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
                progress.set(new Progress("RUNNING", started, null, total, fold.processed, fold.skipped, fold.processed / Math.max(seconds, 1e-3), null));
            });
            long folded = System.nanoTime();
            List<ChangeSetWriter.Position> positions = new ArrayList<>();
            end.forEach((tp, next) -> positions.add(new ChangeSetWriter.Position(tp.topic(), tp.partition(), next)));
            ViewBulkWriter.Written written = bulk.replace(lease, fold.view, fold.spill, positions);
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.set(new Progress("DONE", started, OffsetDateTime.now(clock), total, fold.processed, fold.skipped,
                    fold.processed / Math.max(seconds, 1e-3), null));
            LOG.infof("Rebuilt the view from %d events in %.1f s (%.0f events/s; %d skipped, %d expired; fold %.1f s, write %.1f s: %s)",
                    fold.processed, seconds, fold.processed / Math.max(seconds, 1e-3), fold.skipped, fold.expired,
                    (folded - t0) / 1e9, (System.nanoTime() - folded) / 1e9, written.rows());
        }
    }

    /**
     * Replaces the stored view with one rebuilt from these records, in this order, and these positions
     * (as a rebuild from the topics does with the records it reads). For tests, on the writer's thread.
     *
     * @return the records applied (including stale ones) and skipped
     */
    public long[] replaceFrom(WriterLease lease, List<ConsumerRecord<String, String>> records,
                              List<ChangeSetWriter.Position> positions) throws Exception {
        try (Fold fold = new Fold()) {
            fold.applyAll(List.of(records).iterator(), () -> {
            });
            bulk.replace(lease, fold.view, fold.spill, positions);
            return new long[]{fold.processed, fold.skipped};
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

    /** One rebuild's view in memory, and its counts. */
    private final class Fold implements AutoCloseable {
        final RebuildSpill spill = new RebuildSpill();
        final ViewState view = new ViewState();
        final ViewMaintenance maintenance = new ViewMaintenance(view, ViewListener.NONE, settings, clock);
        final ConsumerOutcomes outcomes = new ConsumerOutcomes();
        long processed;
        long skipped;
        int expired;

        /**
         * Applies the batches in order. The next batch is fetched and read on other threads while this
         * one is applied: the fold is the one thread a rebuild waits for, so it does nothing else.
         */
        void applyAll(Iterator<List<ConsumerRecord<String, String>>> batches, Runnable afterEachBatch) {
            CompletableFuture<List<EventRecords.Read>> next = fetchAndRead(batches);
            try {
                List<EventRecords.Read> reads;
                while ((reads = joined(next)) != null) {
                    next = fetchAndRead(batches);
                    for (EventRecords.Read read : reads) {
                        if (!read.applicable()) {
                            skipped++; // unknown type, or malformed (dead-lettered when it first arrived)
                            continue;
                        }
                        Applied applied = maintenance.apply(read.state(), read.version(), read.cause());
                        outcomes.add(read.record().topic(), read.type(), applied == Applied.CHANGED ? "applied" : "stale", null);
                        processed++;
                    }
                    spill.history(view.takeHistoryOnly());
                    outcomes.countIn(metrics);
                    afterEachBatch.run();
                }
            } finally {
                // If the fold failed, the next fetch may still be polling: the consumer is closed only once
                // it is done, since a Kafka consumer takes one thread at a time.
                next.handle((ignored, failure) -> null).join();
            }
            expired = maintenance.expireUpTo(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
            spill.history(view.takeHistoryOnly());
        }

        /** The next batch, fetched on the fetch thread (one fetch at a time) and read; null after the last. */
        private CompletableFuture<List<EventRecords.Read>> fetchAndRead(Iterator<List<ConsumerRecord<String, String>>> batches) {
            return CompletableFuture.supplyAsync(() -> batches.hasNext() ? batches.next() : null, fetcher)
                    .thenCompose(batch -> batch == null ? CompletableFuture.completedFuture(null) : reader.readAllAsync(batch));
        }

        @Override
        public void close() {
            spill.close();
        }
    }
}
