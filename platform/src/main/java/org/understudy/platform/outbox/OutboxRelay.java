package org.understudy.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;
import org.understudy.platform.kafka.KafkaClients;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends outbox rows to Kafka in commit order and stamps them sent. Runs on its own thread, woken
 * by each commit that appended events and, as a safety net, every poll interval.
 *
 * <p>A batch is sent and acknowledged ({@code acks=all}, idempotent producer) before its rows are
 * marked sent, in one database transaction; if the process dies in between, the rows are sent
 * again and consumers drop the duplicates by event id and version. A PostgreSQL advisory lock
 * keeps a single relay active per database, so that instances never reorder one aggregate's events.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] STRUCTURED_CLOUDEVENT = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);
    private static final long RELAY_LOCK = 0x0075_6e64_6572_6f62L;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    @Inject
    KafkaClients kafka;

    @ConfigProperty(name = "understudy.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "understudy.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    /**
     * Under load, passes start at most this often: each then takes every row committed meanwhile, so a
     * steady stream of commits costs fewer transactions and Kafka requests. The first commit after a
     * quiet spell is relayed at once.
     */
    @ConfigProperty(name = "understudy.outbox.min-pass-interval", defaultValue = "PT0.02S")
    Duration minPassInterval;

    @ConfigProperty(name = "understudy.outbox.retention", defaultValue = "P7D")
    Duration retention;

    @ConfigProperty(name = "understudy.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private volatile OffsetDateTime lastSuccess;
    private volatile String lastError;
    private Thread worker;
    private Producer<String, String> producer;
    private Counter sent;
    private Timer publishDelay;
    private long lastPurge;
    private PassPacer pacer;

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            LOG.warn("Outbox relay disabled (understudy.outbox.enabled=false): events stay in the outbox");
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        sent = Counter.builder("understudy.outbox.sent").description("Events relayed from the outbox to Kafka").register(meters);
        publishDelay = Timer.builder("understudy.outbox.publish.delay").description("Time from commit of an event to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("understudy.outbox.pending", pending, AtomicLong::get).description("Events in the outbox not yet acknowledged by Kafka").register(meters);
        pacer = new PassPacer(minPassInterval);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (worker != null) {
            wake();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look at the outbox now (called after a commit that appended events). */
    public void wake() {
        wakeUps.release();
    }

    /** Events not yet acknowledged by Kafka, as of the relay's last look. */
    public long pending() {
        return pending.get();
    }

    /** When the relay last completed a pass without error (null before the first). */
    public OffsetDateTime lastSuccess() {
        return lastSuccess;
    }

    /** The last error of the relay, or null if its last pass succeeded. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                awaitWork(backoffMillis > 0 ? Duration.ofMillis(backoffMillis) : pollInterval);
                spacePasses();
                if (!running) {
                    break;
                }
                int relayed;
                do {
                    relayed = relayBatch();
                } while (relayed == batchSize && running);
                purgeOldRows();
                lastSuccess = OffsetDateTime.now(clock);
                lastError = null;
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), 5_000);
                LOG.warnf("Outbox relay failed, retrying in %d ms: %s", backoffMillis, lastError);
            }
        }
    }

    private void spacePasses() throws InterruptedException {
        long rest = pacer.waitBefore(System.nanoTime());
        if (rest > 0) {
            TimeUnit.NANOSECONDS.sleep(rest);
            wakeUps.drainPermits(); // the pass about to start serves the commits that woke us meanwhile
        }
        pacer.started(System.nanoTime());
    }

    private void awaitWork(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits(); // one pass serves every commit that woke us meanwhile
        }
    }

    /** Relays one batch in one transaction; returns how many rows it sent. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0; // another instance is relaying; it will send these rows in order
            }
            // Read-only: the rows are stamped below by one statement, not by dirty checking one UPDATE each.
            List<OutboxEvent> batch = em.createQuery(
                            "FROM OutboxEvent WHERE sentAt IS NULL ORDER BY seq", OutboxEvent.class)
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .setMaxResults(batchSize)
                    .getResultList();
            pending.set(batch.size() < batchSize ? batch.size()
                    : (Long) em.createQuery("SELECT count(e) FROM OutboxEvent e WHERE e.sentAt IS NULL").getSingleResult());
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent row : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.recordKey, row.payload);
                // The CloudEvents Kafka protocol binding, structured mode: the value is the whole event.
                record.headers().add(new RecordHeader("content-type", STRUCTURED_CLOUDEVENT));
                record.headers().add(new RecordHeader("ce_type", row.eventType.getBytes(StandardCharsets.UTF_8)));
                record.headers().add(new RecordHeader("ce_id", row.eventId.toString().getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS); // a failure rolls back: the rows stay unsent and are retried
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Long> seqs = new ArrayList<>(batch.size());
            for (OutboxEvent row : batch) {
                seqs.add(row.seq);
                publishDelay.record(Duration.between(row.createdAt, now));
            }
            em.createQuery("UPDATE OutboxEvent SET sentAt = :now WHERE seq IN :seqs")
                    .setParameter("now", now).setParameter("seqs", seqs).executeUpdate();
            sent.increment(batch.size());
            pending.addAndGet(-batch.size());
            return batch.size();
        });
    }

    private void purgeOldRows() {
        long now = System.currentTimeMillis();
        if (now - lastPurge < Duration.ofMinutes(10).toMillis()) {
            return;
        }
        lastPurge = now;
        int purged = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "DELETE FROM OutboxEvent WHERE sentAt < :before")
                .setParameter("before", OffsetDateTime.now(clock).minus(retention))
                .executeUpdate());
        if (purged > 0) {
            LOG.infof("Purged %d relayed outbox rows older than %s", purged, retention);
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = kafka.producer("outbox");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Bounded waits: a missing broker shows up as a failed pass (and a retry), not a hung relay.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
        return config;
    }
}
