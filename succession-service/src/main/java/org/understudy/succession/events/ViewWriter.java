package org.understudy.succession.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.understudy.events.Topics;
import org.understudy.platform.kafka.KafkaClients;
import org.understudy.succession.domain.Applied;
import org.understudy.succession.domain.ChangeSet;
import org.understudy.succession.domain.SuccessionSettings;
import org.understudy.succession.domain.ViewMaintenance;
import org.understudy.succession.domain.ViewState;
import org.understudy.succession.persistence.AlertLog;
import org.understudy.succession.persistence.ChangeSetWriter;
import org.understudy.succession.persistence.ViewLoader;
import org.understudy.succession.persistence.WriterElection;
import org.understudy.succession.persistence.WriterLease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one instance that applies events to the view. Every instance runs this loop: it asks for the
 * writer's role ({@link WriterElection}) and, while another instance holds it, is a standby (it serves
 * reads and streams changes). Once it holds the role, it loads the stored view into memory with the
 * positions it reflects, reads both topics from there, and for each poll: folds the records into the
 * view in memory, sends those it cannot apply to their dead-letter topic, and writes what changed with
 * the new positions in one transaction ({@link ChangeSetWriter}). Time passes too (assessments go
 * stale, checks lapse) on the writer only. A rebuild, asked of the writer, runs on this thread between
 * polls, so nothing else is applied meanwhile.
 *
 * <p>Failures: a write that fails because the connection (and with it the role) is gone, or because
 * another instance holds the role, ends the session: the view in memory is dropped and the instance is
 * a standby again. Any other failure drops the view in memory, loads the stored one again and applies
 * the poll one record at a time, so that only a record that cannot be applied goes to the dead-letter
 * topic.
 */
@ApplicationScoped
public class ViewWriter {
    private static final Logger LOG = Logger.getLogger(ViewWriter.class);
    private static final List<String> TOPICS = Topics.Access.SUCCESSION_SERVICE.reads();
    private static final Duration PARTITIONS_CHECKED_EVERY = Duration.ofSeconds(5);

    /** What this instance is. */
    public enum Role { STANDBY, WRITER, STOPPED }

    /** Work run on the writer's thread between polls, with the writer's lease; the view is loaded again after it. */
    public interface Exclusive<T> {
        T run(WriterLease lease) throws Exception;
    }

    /** This instance is not the writer (the one that is, if known, is named). */
    public static final class NotTheWriter extends IllegalStateException {
        private final transient Optional<WriterElection.Writer> writer;

        NotTheWriter(Optional<WriterElection.Writer> writer) {
            super(writer.map(w -> "this instance is a standby; the writer is " + w.instance() + " at " + w.url())
                    .orElse("this instance is a standby and no writer is known yet"));
            this.writer = writer;
        }

        public Optional<WriterElection.Writer> writer() {
            return writer;
        }
    }

    private record Task<T>(Exclusive<T> work, CompletableFuture<T> done) {
    }

    @Inject
    WriterElection election;

    @Inject
    ViewLoader loader;

    @Inject
    ChangeSetWriter changeSets;

    @Inject
    RecordReader reader;

    @Inject
    KafkaClients kafka;

    @Inject
    DeadLetters deadLetters;

    @Inject
    AlertEvents alerts;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    SuccessionSettings settings;

    @Inject
    WriterSettings config;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    private final BlockingQueue<Task<?>> tasks = new LinkedBlockingQueue<>();
    private volatile Role role = Role.STANDBY;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile long generation;
    private volatile OffsetDateTime writingSince;
    private volatile String lastFailure;
    private Thread thread;
    private String instance;
    private String url;

    void start(@Observes StartupEvent ignored) {
        Gauge.builder("understudy.view.writer", this, w -> w.role == Role.WRITER ? 1 : 0)
                .description("1 while this instance is the view's writer, 0 while it is a standby").register(meters);
        if (!config.enabled()) {
            LOG.info("This instance never takes the writer's role (understudy.writer.enabled=false): it serves reads only");
            return;
        }
        String host = host();
        instance = config.instance().orElse(applicationName + "@" + host + ":" + httpPort);
        url = config.url().orElse("http://" + host + ":" + httpPort);
        running = true;
        thread = new Thread(this::run, "view-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000); // it finishes the poll or write under way, then closes its consumer and connection
                if (thread.isAlive()) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        role = Role.STOPPED;
    }

    public Role role() {
        return role;
    }

    /** The generation this instance writes under (meaningful while it is the writer). */
    public long generation() {
        return generation;
    }

    public OffsetDateTime writingSince() {
        return writingSince;
    }

    /** Why the last session as writer ended, if it failed (null otherwise). */
    public String lastFailure() {
        return lastFailure;
    }

    /** What a standby says when asked for what only the writer does (naming the writer, if known). */
    public NotTheWriter standby() {
        return new NotTheWriter(election.current());
    }

    /** How this instance names itself. */
    public String instance() {
        return instance;
    }

    /**
     * Runs work on the writer's thread between polls, with the writer's lease; the view is loaded from
     * the database again afterwards. Fails with {@link NotTheWriter} on a standby.
     */
    public <T> CompletableFuture<T> exclusively(Exclusive<T> work) {
        if (role != Role.WRITER) {
            return CompletableFuture.failedFuture(new NotTheWriter(election.current()));
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        tasks.add(new Task<>(work, done));
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        return done;
    }

    private void run() {
        while (running) {
            Optional<WriterLease> lease;
            try {
                lease = election.tryAcquire(instance, url);
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Cannot ask for the writer's role (retrying): %s", e.getMessage());
                lease = Optional.empty();
            }
            if (lease.isEmpty()) {
                role = Role.STANDBY;
                pause(config.acquireEvery());
                continue;
            }
            try (WriterLease held = lease.get()) {
                generation = held.generation();
                writingSince = OffsetDateTime.now(clock);
                role = Role.WRITER;
                LOG.infof("%s is the view's writer (generation %d)", instance, held.generation());
                write(held);
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (running) {
                    LOG.warnf(e, "%s stops writing the view and is a standby again: %s", instance, e.getMessage());
                }
            } finally {
                role = running ? Role.STANDBY : Role.STOPPED;
                failTasks();
            }
            pause(config.acquireEvery());
        }
        election.stop();
    }

    /** One session as the writer: until the role is lost or the service stops. */
    private void write(WriterLease lease) throws Exception {
        changeSets.prepare(lease);
        Map<String, Object> settingsOfConsumer = kafka.consumer("view-writer");
        settingsOfConsumer.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName);
        settingsOfConsumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        settingsOfConsumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(settingsOfConsumer, new StringDeserializer(), new StringDeserializer());
             KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(c)) {
            kafkaMetrics.bindTo(meters);
            consumer = c;
            Session session = new Session(lease, c);
            while (running) {
                Task<?> task = tasks.poll();
                if (task != null) {
                    session.runExclusively(task);
                    continue;
                }
                session.letTimePass();
                if (c.assignment().isEmpty()) { // the topics do not exist yet
                    pause(config.pollTimeout());
                    session.idle();
                    continue;
                }
                ConsumerRecords<String, String> records;
                try {
                    records = c.poll(config.pollTimeout());
                } catch (WakeupException woken) {
                    continue; // a task, or the service stopping
                }
                if (records.isEmpty()) {
                    session.idle();
                } else {
                    session.apply(records);
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** The view in memory while this instance is the writer, and where it stands in each topic-partition. */
    private final class Session {
        private final WriterLease lease;
        private final KafkaConsumer<String, String> consumer;
        private final AlertEvents.Collector raised = alerts.collector();
        private final Map<TopicPartition, Long> positions = new HashMap<>();
        private ViewMaintenance maintenance;
        private long lastTick = System.nanoTime();
        private LocalDate lastTickDay = today();
        private long lastHeartbeat = System.nanoTime();
        private long lastPartitionCheck;

        Session(WriterLease lease, KafkaConsumer<String, String> consumer) throws SQLException {
            this.lease = lease;
            this.consumer = consumer;
            load();
            assign(true);
        }

        /** Loads the stored view and seeks every partition to where it stands. */
        private void load() throws SQLException {
            long started = System.nanoTime();
            ViewLoader.Loaded loaded = loader.load(lease);
            maintenance = new ViewMaintenance(loaded.view(), raised, settings, clock);
            raised.take();
            positions.clear();
            loaded.positions().forEach(p -> positions.put(new TopicPartition(p.topic(), p.partition()), p.nextOffset()));
            LOG.infof("Loaded the view (%d posts, %d candidates, version %d) in %.0f ms", loaded.view().posts().size(),
                    loaded.view().candidates().size(), loaded.version(), (System.nanoTime() - started) / 1e6);
            for (TopicPartition tp : consumer.assignment()) {
                seek(tp);
            }
            noteInKafka(positions);
        }

        /** Assigns every partition of both topics (again when partitions are added), each at its stored position. */
        private void assign(boolean all) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            List<TopicPartition> added = new ArrayList<>(partitions);
            added.removeAll(consumer.assignment());
            if (all || !added.isEmpty()) {
                consumer.assign(partitions);
                (all ? partitions : added).forEach(this::seek);
                if (!all) {
                    LOG.infof("Reading new partitions too: %s", added);
                }
            }
            lastPartitionCheck = System.nanoTime();
        }

        private void seek(TopicPartition tp) {
            Long next = positions.get(tp);
            if (next == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, next);
            }
        }

        /** Nothing to read: checks the role is still held, and now and then whether partitions were added. */
        void idle() throws SQLException {
            long now = System.nanoTime();
            if (now - lastHeartbeat >= config.heartbeat().toNanos()) {
                lastHeartbeat = now;
                if (!lease.alive()) {
                    throw new SQLException("the writer's connection to PostgreSQL is lost (and with it the role)", "08006");
                }
            }
            if (now - lastPartitionCheck >= PARTITIONS_CHECKED_EVERY.toNanos()) {
                assign(false);
            }
        }

        /** Lets time pass up to today, every expiry interval and whenever the day changes. */
        void letTimePass() throws SQLException {
            LocalDate today = today();
            if (System.nanoTime() - lastTick < settings.expiryInterval().toNanos() && !today.isAfter(lastTickDay)) {
                return;
            }
            lastTick = System.nanoTime();
            lastTickDay = today;
            int expired = maintenance.expireUpTo(today);
            ChangeSet changes = maintenance.view().takeChanges();
            if (!changes.isEmpty()) {
                write(changes, List.of());
                if (expired > 0) {
                    LOG.infof("%d succession contributions expired (stale assessments or lapsed checks)", expired);
                }
            }
        }

        /** Folds a poll's records and writes what changed, with the positions past them. */
        void apply(ConsumerRecords<String, String> polled) throws SQLException {
            long t0 = System.nanoTime();
            List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
            polled.forEach(records::add);
            List<EventRecords.Read> reads = reader.readAll(records);
            long t1 = System.nanoTime();
            ConsumerOutcomes outcomes = new ConsumerOutcomes();
            List<DeadLetters.Letter> letters = new ArrayList<>();
            for (EventRecords.Read read : reads) {
                try {
                    fold(read, outcomes, letters);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Folding a poll of %d records failed at %s-%d@%d: applying it again one record at a time",
                            records.size(), read.record().topic(), read.record().partition(), read.record().offset());
                    oneAtATime(reads);
                    return;
                }
            }
            long t2 = System.nanoTime();
            try {
                writePoll(reads, letters, outcomes);
                LOG.debugf("Applied a poll of %d records: read %.1f ms, folded %.1f ms, written %.1f ms", records.size(),
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
            } catch (WriterLease.LostRole e) {
                throw e;
            } catch (SQLException | RuntimeException e) {
                if (!lease.alive()) {
                    throw e;
                }
                LOG.warnf(e, "Writing a poll of %d records failed: applying it again one record at a time", records.size());
                oneAtATime(reads);
            }
        }

        /** Applies one record to the view in memory (or notes it as skipped or to dead-letter). */
        private void fold(EventRecords.Read read, ConsumerOutcomes outcomes, List<DeadLetters.Letter> letters) {
            ConsumerRecord<String, String> r = read.record();
            if (read.malformed() != null) {
                letters.add(new DeadLetters.Letter(r, read.malformed().getMessage()));
                outcomes.add(r.topic(), read.type(), "dead-lettered", null);
            } else if (read.unknownType()) {
                outcomes.add(r.topic(), read.type(), "unknown-type", null);
            } else {
                Applied applied = maintenance.apply(read.state(), read.version(), read.cause());
                outcomes.add(r.topic(), read.type(), applied == Applied.CHANGED ? "applied" : "stale", read.event().time());
            }
        }

        private void writePoll(List<EventRecords.Read> reads, List<DeadLetters.Letter> letters, ConsumerOutcomes outcomes)
                throws SQLException {
            deadLetters.send(letters);
            Map<TopicPartition, Long> reached = new LinkedHashMap<>();
            reads.forEach(r -> reached.put(new TopicPartition(r.record().topic(), r.record().partition()), r.record().offset() + 1));
            write(maintenance.view().takeChanges(), positionsOf(reached));
            positions.putAll(reached);
            outcomes.countIn(metrics);
            noteInKafka(reached);
        }

        /**
         * Notes positions in Kafka too, as the consumer group's offsets: the positions that count are those
         * stored with the view; these let Kafka's own tools (and the lag they show) follow the writer.
         */
        private void noteInKafka(Map<TopicPartition, Long> reached) {
            if (reached.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            reached.forEach((tp, next) -> committed.put(tp, new OffsetAndMetadata(next)));
            consumer.commitAsync(committed, (offsets, failure) -> {
                if (failure != null) {
                    LOG.debugf("Could not note the positions in Kafka (the view's own are stored): %s", failure.getMessage());
                }
            });
        }

        /**
         * The poll again, each record folded and written on its own, from the stored view: a record that
         * cannot be folded or written is dead-lettered (and the view loaded again), the rest applied.
         */
        private void oneAtATime(List<EventRecords.Read> reads) throws SQLException {
            load();
            for (EventRecords.Read read : reads) {
                TopicPartition tp = new TopicPartition(read.record().topic(), read.record().partition());
                if (positions.getOrDefault(tp, -1L) > read.record().offset()) {
                    continue; // the stored view is past it already
                }
                ConsumerOutcomes outcomes = new ConsumerOutcomes();
                List<DeadLetters.Letter> letters = new ArrayList<>();
                try {
                    fold(read, outcomes, letters);
                    writePoll(List.of(read), letters, outcomes);
                } catch (WriterLease.LostRole e) {
                    throw e;
                } catch (SQLException | RuntimeException e) {
                    if (!lease.alive()) {
                        throw e instanceof SQLException s ? s : new SQLException(e);
                    }
                    LOG.errorf(e, "Record %s-%d@%d cannot be applied: dead-lettered", tp.topic(), tp.partition(), read.record().offset());
                    load();
                    ConsumerOutcomes dead = new ConsumerOutcomes();
                    dead.add(tp.topic(), read.type(), "dead-lettered", null);
                    writePoll(List.of(read), List.of(new DeadLetters.Letter(read.record(),
                            "could not be applied: " + e.getClass().getSimpleName() + ": " + e.getMessage())), dead);
                }
            }
            for (TopicPartition tp : consumer.assignment()) {
                seek(tp);
            }
        }

        private void write(ChangeSet changes, List<ChangeSetWriter.Position> reached) throws SQLException {
            List<AlertLog.Entry> alertsRaised = raised.take();
            changeSets.write(lease, changes, reached, alertsRaised);
        }

        /** Runs a task with the lease; then the stored view (which it may have replaced) is loaded again. */
        <T> void runExclusively(Task<T> task) throws SQLException {
            try {
                task.done().complete(task.work().run(lease));
            } catch (WriterLease.LostRole e) {
                task.done().completeExceptionally(e);
                throw e;
            } catch (Exception e) {
                task.done().completeExceptionally(e);
            }
            load();
        }
    }

    private static List<ChangeSetWriter.Position> positionsOf(Map<TopicPartition, Long> reached) {
        List<ChangeSetWriter.Position> out = new ArrayList<>(reached.size());
        reached.forEach((tp, next) -> out.add(new ChangeSetWriter.Position(tp.topic(), tp.partition(), next)));
        return out;
    }

    private void failTasks() {
        Task<?> task;
        while ((task = tasks.poll()) != null) {
            task.done().completeExceptionally(new NotTheWriter(election.current()));
        }
    }

    private LocalDate today() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
