package org.understudy.succession.reference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.understudy.infra.Postgres;
import org.understudy.infra.TestInfrastructure;
import org.understudy.platform.outbox.Outbox;
import org.understudy.succession.domain.AlertRule;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.ReplaceabilityThresholds;
import org.understudy.succession.domain.SuccessionRules;
import org.understudy.succession.domain.ViewListener;
import org.understudy.succession.domain.ViewMaintenance;
import org.understudy.succession.domain.ViewState;
import org.understudy.succession.events.EventRecords;
import org.understudy.succession.persistence.AlertLog;
import org.understudy.succession.persistence.ChangeSetWriter;
import org.understudy.succession.persistence.DirectConnections;
import org.understudy.succession.persistence.RebuildSpill;
import org.understudy.succession.persistence.ViewBulkWriter;
import org.understudy.succession.persistence.ViewLoader;
import org.understudy.succession.persistence.ViewVersionListener;
import org.understudy.succession.persistence.WriterElection;
import org.understudy.succession.persistence.WriterLease;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A succession-service database of a test's own (PostgreSQL, the service's migrations), written the
 * ways the service writes it: as the writer does, a poll at a time ({@link Live}), and as a rebuild
 * does, the whole view at once. No Kafka and no Quarkus: the records are handed over directly, so a
 * test controls their order and the instants they carry.
 */
public final class ViewDatabase implements AutoCloseable {
    private static final List<String> VIEW_TABLES = List.of("organisation_view", "post_succession", "candidate_view",
            "candidate_readiness", "candidate_earlier_readiness", "candidate_nomination", "candidate_exit", "vacancy_view", "post_candidate",
            "post_succession_history", "view_offset", "outbox_event");

    private final Postgres postgres;
    private final String database;
    private final WriterLease lease;
    private final Connection reads;
    private final ChangeSetWriter changeSets;
    private final ViewBulkWriter bulk;
    private final ViewLoader loader = new ViewLoader();

    public ViewDatabase(String purpose) throws Exception {
        Path scratch = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "understudy-" + purpose + "-");
        postgres = TestInfrastructure.postgres(scratch);
        database = "t_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        postgres.ensureDatabase(database);
        Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password())
                .locations("classpath:db/platform", "classpath:db/migration").load().migrate();
        DirectConnections connections = new DirectConnections(postgres.jdbcUrl(database), Optional.of(postgres.user()),
                Optional.of(postgres.password()), "succession-service " + purpose);
        lease = new WriterElection(connections, null).tryAcquire(purpose, "http://localhost").orElseThrow();
        reads = postgres.connect(database);
        ViewVersionListener versions = new ViewVersionListener();
        changeSets = new ChangeSetWriter(versions, new Outbox(), new AlertLog());
        bulk = new ViewBulkWriter(versions);
        changeSets.prepare(lease);
    }

    /** A connection for reading what is stored. */
    public Connection reads() {
        return reads;
    }

    /** Empties the view (every table a rebuild replaces, the positions and the outbox). */
    public void empty() throws SQLException {
        try (Statement s = reads.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", VIEW_TABLES));
            s.execute("UPDATE view_version SET day = NULL");
        }
    }

    /** The writer's path, from the view as stored now. */
    public Live live(ViewListener listener) throws SQLException {
        return new Live(listener);
    }

    /** The writer's view in memory and how it writes: each {@link #apply} is one poll and one change-set. */
    public final class Live {
        private final ViewListener listener;
        private ViewMaintenance maintenance;

        private Live(ViewListener listener) throws SQLException {
            this.listener = listener;
            restart();
        }

        /** Folds the records (one poll) and writes what changed with the positions past them. */
        public void apply(List<ConsumerRecord<String, String>> records) throws SQLException {
            Map<String, ChangeSetWriter.Position> reached = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                EventRecords.Read read = EventRecords.read(r);
                if (read.applicable()) {
                    maintenance.apply(read.state(), read.version(), read.cause());
                }
                reached.put(r.topic() + "-" + r.partition(), new ChangeSetWriter.Position(r.topic(), r.partition(), r.offset() + 1));
            }
            changeSets.write(lease, maintenance.view().takeChanges(), List.copyOf(reached.values()), List.of());
        }

        /** Lets time pass up to a day, as the writer does now and then, and writes what changed. */
        public void passTo(LocalDate day) throws SQLException {
            maintenance.expireUpTo(day);
            changeSets.write(lease, maintenance.view().takeChanges(), List.of(), List.of());
        }

        /** Drops the view in memory and loads the stored one, as a writer taking over does. */
        public void restart() throws SQLException {
            maintenance = fold(loader.load(lease).view(), listener);
        }
    }

    /** A rebuild's path: every record folded into a new view, time let pass, the whole view written at once. */
    public void rebuild(List<ConsumerRecord<String, String>> records, LocalDate lastDay) throws SQLException {
        ViewMaintenance maintenance = fold(new ViewState(), ViewListener.NONE);
        Map<String, ChangeSetWriter.Position> reached = new LinkedHashMap<>();
        try (RebuildSpill spill = new RebuildSpill()) {
            for (ConsumerRecord<String, String> r : records) {
                EventRecords.Read read = EventRecords.read(r);
                if (read.applicable()) {
                    maintenance.apply(read.state(), read.version(), read.cause());
                }
                spill.history(maintenance.view().takeHistoryOnly());
                reached.put(r.topic() + "-" + r.partition(), new ChangeSetWriter.Position(r.topic(), r.partition(), r.offset() + 1));
            }
            maintenance.expireUpTo(lastDay);
            spill.history(maintenance.view().takeHistoryOnly());
            bulk.replace(lease, maintenance.view(), spill, List.copyOf(reached.values()));
        }
    }

    /** The service's fold with its default rules. */
    static ViewMaintenance fold(ViewState view, ViewListener listener) {
        return new ViewMaintenance(view, listener, SuccessionRules.DEFAULT, ReplaceabilityThresholds.DEFAULT,
                new AlertRule(Replaceability.VIABLE, Set.of(4, 5)), Clock.systemUTC());
    }

    @Override
    public void close() throws Exception {
        lease.close();
        reads.close();
        postgres.dropDatabase(database);
        postgres.close();
    }
}
