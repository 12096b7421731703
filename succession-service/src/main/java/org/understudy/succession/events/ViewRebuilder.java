package org.understudy.succession.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.understudy.succession.domain.RebuildState;
import org.understudy.succession.domain.SuccessionView;
import org.understudy.succession.persistence.ViewVersion;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the view from the topics: empties it, replays vacancy-events and candidate-events from
 * the beginning up to their ends as they were when it started (through the same code the live
 * consumers use, many records per transaction), then lets time pass up to today. Live consumers
 * wait meanwhile and resume where they were; what they see again is recognised as applied.
 */
@ApplicationScoped
public class ViewRebuilder {
    private static final Logger LOG = Logger.getLogger(ViewRebuilder.class);
    private static final List<String> TOPICS = List.of(Topics.VACANCY_EVENTS, Topics.CANDIDATE_EVENTS);
    /** Emptied before a replay. Not dismissal_assessment (authoritative records) nor view_version (moves on). */
    private static final List<String> VIEW_TABLES = List.of("post_candidate", "post_succession_history", "post_succession",
            "organisation_view", "vacancy_view", "candidate_readiness", "candidate_nomination", "candidate_exit",
            "candidate_view", "applied_event");

    /** A rebuild's progress as the API shows it. */
    public record Progress(String state, OffsetDateTime startedAt, OffsetDateTime finishedAt, long eventsTotal,
                           long eventsProcessed, long eventsSkipped, double eventsPerSecond, String error) {
        static final Progress IDLE = new Progress("IDLE", null, null, 0, 0, 0, 0, null);
    }

    @Inject
    EventApplier applier;

    @Inject
    SuccessionView view;

    @Inject
    RebuildState rebuild;

    @Inject
    EntityManager em;

    @Inject
    ViewVersion viewVersion;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "understudy.rebuild.batch-size", defaultValue = "500")
    int batchSize;

    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "view-rebuild");
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
        applier.rebuildLock().writeLock().lock();
        rebuild.set(true);
        long processed = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
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
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("TRUNCATE " + String.join(", ", VIEW_TABLES)).executeUpdate();
                viewVersion.bump(); // cached answers of the emptied view are void
            });
            LOG.infof("Rebuilding the view from %d events on %s", total, TOPICS);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> r : records) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        batch.add(r);
                    }
                }
                long[] counts = QuarkusTransaction.requiringNew().call(() -> applyBatch(batch));
                processed += counts[0];
                skipped += counts[1];
                double seconds = (System.nanoTime() - t0) / 1e9;
                progress.set(new Progress("RUNNING", started, null, total, processed, skipped, processed / Math.max(seconds, 1e-3), null));
            }
            int expired = QuarkusTransaction.requiringNew().call(() -> view.expireUpTo(LocalDate.now(clock)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.set(new Progress("DONE", started, OffsetDateTime.now(clock), total, processed, skipped, processed / Math.max(seconds, 1e-3), null));
            LOG.infof("Rebuilt the view from %d events in %.1f s (%.0f events/s; %d skipped, %d expired)", processed, seconds,
                    processed / Math.max(seconds, 1e-3), skipped, expired);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild failed");
            Progress p = progress.get();
            progress.set(new Progress("FAILED", started, OffsetDateTime.now(clock), p.eventsTotal(), processed, skipped,
                    p.eventsPerSecond(), e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            rebuild.set(false);
            applier.rebuildLock().writeLock().unlock();
        }
    }

    /** Applies records in the current transaction; returns {applied or stale or duplicate, skipped}. */
    private long[] applyBatch(List<ConsumerRecord<String, String>> batch) {
        long processed = 0;
        long skipped = 0;
        for (ConsumerRecord<String, String> record : batch) {
            try {
                if (applier.applyInTransaction(record) == null) {
                    skipped++;
                } else {
                    processed++;
                }
            } catch (ContractViolation malformed) {
                skipped++; // dead-lettered when it first arrived
            }
        }
        return new long[]{processed, skipped};
    }
}
