package org.understudy.platform.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The import jobs ({@code import_job}): each write in a transaction of its own, so progress shows while rows are applied. */
@ApplicationScoped
public class ImportJobs {
    private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public ImportJobs(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    ImportJob queue(String kind, ImportFormat format, boolean dryRun, boolean atomic, int rows, String submittedBy) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO import_job (job_id, kind, status, dry_run, atomic, file_format, rows_total, submitted_by, submitted_at,
                                                heartbeat_at)
                        VALUES (?1, ?2, 'QUEUED', ?3, ?4, ?5, ?6, ?7, ?8, ?8)""")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, dryRun).setParameter(4, atomic)
                .setParameter(5, format.name()).setParameter(6, rows).setParameter(7, submittedBy).setParameter(8, now)
                .executeUpdate());
        return find(kind, id).orElseThrow();
    }

    void started(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE import_job SET status = 'RUNNING', started_at = ?2 WHERE job_id = ?1")
                .setParameter(1, id).setParameter(2, OffsetDateTime.now(clock)).executeUpdate());
    }

    /** Records how far a job has got, and how it ended when {@code status} is a finished one. */
    void progress(UUID id, ImportJob.Status status, Tally tally, String message) {
        String problems = text(tally.problems());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        UPDATE import_job SET status = ?2, rows_done = ?3, created = ?4, updated = ?5, unchanged = ?6, rejected = ?7,
                               problems = ?8, message = ?9, finished_at = ?10, heartbeat_at = ?11 WHERE job_id = ?1""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, tally.done()).setParameter(4, tally.created())
                .setParameter(5, tally.updated()).setParameter(6, tally.unchanged()).setParameter(7, tally.rejected())
                .setParameter(8, problems).setParameter(9, message)
                .setParameter(10, status.finished() ? OffsetDateTime.now(clock) : null).setParameter(11, OffsetDateTime.now(clock))
                .executeUpdate());
    }

    /** The jobs this instance holds (queued or running) are still held: their heartbeat is renewed. */
    void heartbeat(Collection<UUID> held) {
        if (!held.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE import_job SET heartbeat_at = ?1 WHERE job_id IN ?2")
                    .setParameter(1, OffsetDateTime.now(clock)).setParameter(2, held).executeUpdate());
        }
    }

    /**
     * Marks FAILED the unfinished jobs whose heartbeat stopped before {@code silentSince}: the instance holding
     * them stopped, and their rows were in its memory only.
     */
    int abandonSilent(OffsetDateTime silentSince) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        UPDATE import_job SET status = 'FAILED', finished_at = ?1,
                               message = 'the instance running the import stopped before it finished; the rows done were stored; '
                                         || 'submit the file again: rows stored already count as unchanged'
                        WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < ?2""")
                .setParameter(1, OffsetDateTime.now(clock)).setParameter(2, silentSince).executeUpdate());
    }

    public Optional<ImportJob> find(String kind, UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT job_id, kind, status, dry_run, atomic, file_format, rows_total, rows_done, created, updated, unchanged,
                                   rejected, problems, message, submitted_by, submitted_at, started_at, finished_at
                            FROM import_job WHERE job_id = ?1 AND kind = ?2""")
                    .setParameter(1, id).setParameter(2, kind).getResultList();
            return rows.stream().findFirst().map(this::job);
        });
    }

    private ImportJob job(Object[] r) {
        OffsetDateTime started = time(r[16]);
        OffsetDateTime finished = time(r[17]);
        int done = ((Number) r[7]).intValue();
        return new ImportJob((UUID) r[0], (String) r[1], ImportJob.Status.valueOf((String) r[2]), (Boolean) r[3], (Boolean) r[4],
                ImportFormat.valueOf((String) r[5]), ((Number) r[6]).intValue(), done, ((Number) r[8]).intValue(),
                ((Number) r[9]).intValue(), ((Number) r[10]).intValue(), ((Number) r[11]).intValue(),
                ImportJob.rate(done, started, finished != null ? finished : OffsetDateTime.now(clock)),
                problems((String) r[12]), (String) r[13], (String) r[14], time(r[15]), started, finished);
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : value instanceof OffsetDateTime t ? t
                : ((java.time.Instant) value).atOffset(java.time.ZoneOffset.UTC);
    }

    private String text(List<RowProblem> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RowProblem> problems(String text) {
        try {
            return json.readValue(text, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
