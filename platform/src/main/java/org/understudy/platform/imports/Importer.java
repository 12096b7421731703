package org.understudy.platform.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.understudy.platform.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs imports: reads and checks the file's rows at submission (a broken header or a wrong format is
 * refused at once; each row is kept as its typed record, not as the text or tree it was read from),
 * queues a job, and applies the rows on the import thread, one job at a time per instance, so that a
 * large import does not take the request threads from the API. The thread acts as the submitter: their
 * identity is the request context's, so that whatever records who made a change names them.
 *
 * <p>Each row is read into its kind's row type and checked (shape, Bean Validation, its key given and
 * not used in the file for other content). Rows go in their kind's order, a chunk per transaction; a
 * chunk with a refused row is undone and applied again a row per transaction, so that every good row
 * is stored and a refused row leaves nothing. A row whose key was imported before with the same
 * content changes nothing. {@code dryRun} applies every row and rolls each transaction back;
 * {@code atomic} applies the whole file in one transaction, or nothing when any row has a problem.
 */
@ApplicationScoped
public class Importer {
    private static final Logger LOG = Logger.getLogger(Importer.class);

    private final Instance<ImportKind<?>> kinds;
    private final ImportJobs jobs;
    private final ImportKeys keys;
    private final ImportSettings settings;
    private final ObjectMapper json;
    private final Validator validator;
    private final EntityManager em;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "understudy-import");
        t.setDaemon(true);
        return t;
    });
    /** Renews the heartbeat of the jobs this instance holds, so that another instance does not take them for abandoned. */
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "understudy-import-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    public Importer(@Any Instance<ImportKind<?>> kinds, ImportJobs jobs, ImportKeys keys, ImportSettings settings, ObjectMapper json,
                    Validator validator, EntityManager em, MeterRegistry metrics, Clock clock) {
        this.kinds = kinds;
        this.jobs = jobs;
        this.keys = keys;
        this.settings = settings;
        this.json = json;
        this.validator = validator;
        this.em = em;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        if (kinds.iterator().hasNext()) {
            abandonSilent();
            long every = settings.heartbeat().toMillis();
            heartbeat.scheduleWithFixedDelay(() -> {
                try {
                    jobs.heartbeat(Set.copyOf(held));
                } catch (RuntimeException e) {
                    LOG.warnf("could not renew the heartbeat of the import jobs held here: %s", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Marks FAILED the unfinished jobs no instance has renewed for four heartbeats. */
    private void abandonSilent() {
        int abandoned = jobs.abandonSilent(OffsetDateTime.now(clock).minus(settings.heartbeat().multipliedBy(4)));
        if (abandoned > 0) {
            LOG.warnf("%d import job(s) left unfinished by a stopped instance were marked FAILED", abandoned);
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        thread.shutdownNow();
    }

    /** The kind of this name (404 naming {@code kind} when the service imports no such kind). */
    public ImportKind<?> kind(String name) {
        for (ImportKind<?> k : kinds) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw ApiProblem.notFound("kind", "this service imports no '" + name + "'; it imports "
                + kinds.stream().map(ImportKind::name).sorted().collect(Collectors.joining(", ")));
    }

    /**
     * Reads a file of the named kind and queues its import: the answer to {@code POST /api/v1/imports/{kind}},
     * 202 with the job and its address.
     */
    public Response submit(String kind, byte[] file, MediaType contentType, boolean dryRun, boolean atomic, ImportCaller caller,
                           UriInfo uri) {
        ImportJob job = submit(kind(kind), file, contentType, dryRun, atomic, caller);
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/imports").path(job.kind()).path(job.id().toString())
                .build()).build();
    }

    /** A key imported before, and the id of what it made. */
    public record ImportedKey(String kind, String key, UUID id) {
    }

    /** What a key of a kind made (404 naming {@code key} when it was never imported). */
    public ImportedKey imported(String kind, String key) {
        String name = kind(kind).name();
        return QuarkusTransaction.joiningExisting().call(() -> keys.idOf(name, key)).map(id -> new ImportedKey(name, key, id))
                .orElseThrow(() -> ApiProblem.notFound("key", "no " + name + " row was imported with key '" + key + "'"));
    }

    /** A job of a kind (404 naming {@code jobId} when there is none); one whose instance stopped shows FAILED. */
    public ImportJob job(String kind, UUID id) {
        String name = kind(kind).name();
        abandonSilent();
        return jobs.find(name, id)
                .orElseThrow(() -> ApiProblem.notFound("jobId", "no " + kind + " import job with id " + id));
    }

    /**
     * Reads a file and queues its import.
     *
     * @throws ApiProblem 415 for a content type other than CSV or NDJSON, 413 for a file over the limit,
     *                    400 naming an unknown or repeated column, or for a file without rows
     */
    public <R extends KeyedRow> ImportJob submit(ImportKind<R> kind, byte[] body, MediaType contentType, boolean dryRun, boolean atomic,
                                ImportCaller caller) {
        ImportFormat format = ImportFormat.of(contentType);
        if (format == null) {
            throw new ApiProblem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "an import file is text/csv or application/x-ndjson, not " + contentType, "Content-Type");
        }
        if (body.length > settings.maxFileSize().asLongValue()) {
            throw new ApiProblem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Payload Too Large",
                    "the file is over " + settings.maxFileSize().asLongValue() + " bytes; split it", null);
        }
        Set<String> columns = new LinkedHashSet<>();
        Set<String> listColumns = new LinkedHashSet<>();
        for (var c : kind.rowType().getRecordComponents()) {
            columns.add(c.getName());
            if (Collection.class.isAssignableFrom(c.getType())) {
                listColumns.add(c.getName());
            }
        }
        List<Checked<R>> rows = ImportFile.read(body, format, json, columns, listColumns, parsed -> check(kind, parsed));
        if (rows.isEmpty()) {
            throw ApiProblem.badRequest(null, "the file holds no rows");
        }
        ImportJob job = jobs.queue(kind.name(), format, dryRun, atomic, rows.size(), caller.name());
        held.add(job.id());
        thread.execute(() -> {
            var context = Arc.container().requestContext();
            context.activate();
            try {
                Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(caller.identity());
                run(job.id(), kind, rows, dryRun, atomic, caller);
            } catch (RuntimeException e) {
                LOG.errorf(e, "import job %s failed", job.id());
                jobs.progress(job.id(), ImportJob.Status.FAILED, new Tally(0), "the import stopped on an internal error (logged); "
                        + "the rows done were stored; submit the file again: rows stored already count as unchanged");
            } finally {
                held.remove(job.id());
                context.terminate();
            }
        });
        return job;
    }

    /** A row read and checked, ready to be applied. */
    private record Ready<R extends KeyedRow>(long line, String key, R row, String hash) {
    }

    /** A row of the file once read: ready, or refused with its problems. */
    private record Checked<R extends KeyedRow>(Ready<R> ready, List<RowProblem> problems) {
    }

    private <R extends KeyedRow> void run(UUID jobId, ImportKind<R> kind, List<Checked<R>> rows, boolean dryRun, boolean atomic, ImportCaller caller) {
        jobs.started(jobId);
        Tally tally = new Tally(settings.maxProblemsListed());
        List<Ready<R>> ready = new ArrayList<>();
        Map<String, Ready<R>> byKey = new HashMap<>();
        for (Checked<R> checked : rows) {
            if (checked.ready() == null) {
                tally.reject(checked.problems());
                continue;
            }
            Ready<R> r = checked.ready();
            Ready<R> earlier = byKey.putIfAbsent(r.key(), r);
            if (earlier == null) {
                ready.add(r);
            } else if (earlier.hash().equals(r.hash())) {
                tally.add(Tally.Outcome.UNCHANGED); // the same row twice in the file
            } else {
                byKey.put(r.key(), earlier);
                tally.reject(List.of(new RowProblem(r.line(), r.key(), "key", "key '" + r.key() + "' is on line " + earlier.line()
                        + " with other content; a key names one record")));
            }
        }
        if (kind.order() != null) {
            ready.sort(Comparator.comparing(Ready<R>::row, kind.order()).thenComparingLong(Ready::line));
        }
        jobs.progress(jobId, ImportJob.Status.RUNNING, tally, null);
        String message;
        ImportJob.Status status;
        if (atomic && !dryRun) {
            status = applyAtomically(jobId, kind, ready, caller, tally) ? ImportJob.Status.COMPLETED : ImportJob.Status.REJECTED;
            message = status == ImportJob.Status.COMPLETED ? null
                    : "atomic: " + tally.rejected() + " row(s) have problems, so nothing of the file was stored";
        } else {
            applyInChunks(jobId, kind, ready, caller, tally, !dryRun);
            status = atomic && tally.rejected() > 0 ? ImportJob.Status.REJECTED : ImportJob.Status.COMPLETED;
            message = dryRun ? "dry run: every row was checked and nothing was stored" : null;
        }
        jobs.progress(jobId, status, tally, message);
        if (!dryRun) {
            count(kind.name(), "created", tally.created());
            count(kind.name(), "updated", tally.updated());
            count(kind.name(), "unchanged", tally.unchanged());
        }
        count(kind.name(), "rejected", tally.rejected());
    }

    private void count(String kind, String outcome, int rows) {
        if (rows > 0) {
            metrics.counter("understudy.import.rows", "kind", kind, "outcome", outcome).increment(rows);
        }
    }

    /** Reads a row into its type and checks it. */
    private <R extends KeyedRow> Checked<R> check(ImportKind<R> kind, ParsedRow parsed) {
        if (parsed.unreadable() != null) {
            return new Checked<>(null, List.of(parsed.unreadable()));
        }
        ObjectNode values = parsed.values();
        String key = values.path("key").isValueNode() ? values.get("key").asText() : null;
        R row;
        try {
            row = json.treeToValue(values, kind.rowType());
        } catch (JsonProcessingException e) {
            return new Checked<>(null, List.of(new RowProblem(parsed.line(), key, field(e), reason(e))));
        }
        List<RowProblem> problems = new ArrayList<>();
        for (ConstraintViolation<R> v : validator.validate(row)) {
            problems.add(new RowProblem(parsed.line(), key, column(v.getPropertyPath().toString()), v.getMessage()));
        }
        key = row.key();
        if (key == null || key.isBlank()) {
            problems.add(new RowProblem(parsed.line(), null, "key", "is required: the row's own key in your records"));
        } else if (key.length() > 200) {
            problems.add(new RowProblem(parsed.line(), null, "key", "must be at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(p -> p.field() == null ? "" : p.field()));
            return new Checked<>(null, problems);
        }
        try {
            return new Checked<>(new Ready<>(parsed.line(), key, row, hash(json.writeValueAsString(row))), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return m.getPath().get(0).getFieldName();
        }
        return null;
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            String expected = type != null && type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants())
                    : type == java.time.LocalDate.class ? "a date (yyyy-mm-dd)" : "a value of type " + (type == null ? "?" : type.getSimpleName());
            return "'" + f.getValue() + "' is not valid here; expected " + expected;
        }
        return "the value has the wrong type or shape";
    }

    private static String column(String propertyPath) {
        int cut = propertyPath.indexOf('[');
        int dot = propertyPath.indexOf('.');
        int end = cut < 0 ? dot : dot < 0 ? cut : Math.min(cut, dot);
        return end < 0 ? propertyPath : propertyPath.substring(0, end);
    }

    private <R extends KeyedRow> void applyInChunks(UUID jobId, ImportKind<R> kind, List<Ready<R>> ready, ImportCaller caller, Tally tally, boolean store) {
        int size = Math.max(1, settings.chunkSize());
        for (int from = 0; from < ready.size(); from += size) {
            List<Ready<R>> chunk = ready.subList(from, Math.min(ready.size(), from + size));
            try {
                inTransaction(() -> applyChunk(kind, chunk, caller), store).forEach(tally::add);
            } catch (RuntimeException refusedInChunk) {
                for (Ready<R> r : chunk) {
                    try {
                        tally.add(inTransaction(() -> apply(kind, r, caller), store));
                    } catch (RuntimeException refused) {
                        tally.reject(List.of(problem(r, refused)));
                    }
                }
            }
            jobs.progress(jobId, ImportJob.Status.RUNNING, tally, null);
        }
    }

    /** True when every row was stored, in one transaction; false (nothing stored, every problem told) otherwise. */
    private <R extends KeyedRow> boolean applyAtomically(UUID jobId, ImportKind<R> kind, List<Ready<R>> ready, ImportCaller caller, Tally tally) {
        if (tally.rejected() == 0) {
            Tally saved = tally.copy();
            try {
                QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
                    int size = Math.max(1, settings.chunkSize());
                    for (int from = 0; from < ready.size(); from += size) {
                        applyChunk(kind, ready.subList(from, Math.min(ready.size(), from + size)), caller).forEach(tally::add);
                        jobs.progress(jobId, ImportJob.Status.RUNNING, tally, null);
                    }
                });
                return true;
            } catch (RuntimeException refused) {
                tally.resetTo(saved);
            }
        }
        applyInChunks(jobId, kind, ready, caller, tally, false); // every row's problem, nothing stored
        tally.nothingStored();
        return false;
    }

    /** Runs work in a transaction of its own, committed when {@code store}, else rolled back; its result either way. */
    private static <T> T inTransaction(Supplier<T> work, boolean store) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                T result = work.get();
                if (!store) {
                    throw new Undone(result);
                }
                return result;
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof Undone undone) {
                    @SuppressWarnings("unchecked")
                    T result = (T) undone.result;
                    return result;
                }
            }
            throw e;
        }
    }

    /** Rolls a dry run's transaction back, carrying out what the work would have done. */
    private static final class Undone extends RuntimeException {
        private final transient Object result;

        Undone(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Applies a chunk in the caller's transaction, in its order: its keys looked up with one question,
     * each row updated, left or created in turn (a kind that creates a chunk together creates its new rows
     * after the others, in their order), their keys recorded in one batch, and the
     * chunk's writes sent in JDBC batches.
     */
    private <R extends KeyedRow> List<Tally.Outcome> applyChunk(ImportKind<R> kind, List<Ready<R>> chunk, ImportCaller caller) {
        em.unwrap(Session.class).setJdbcBatchSize(chunk.size());
        Map<String, ImportKeys.Stored> stored = keys.findAll(kind.name(), chunk.stream().map(Ready::key).toList());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Tally.Outcome> outcomes = new ArrayList<>(chunk.size());
        List<ImportKeys.Made> made = new ArrayList<>();
        List<Ready<R>> fresh = new ArrayList<>();
        boolean batched = kind instanceof BatchedImportKind;
        for (Ready<R> r : chunk) {
            ImportKeys.Stored before = stored.get(r.key());
            if (before == null && batched) {
                fresh.add(r);
                outcomes.add(Tally.Outcome.CREATED);
            } else if (before == null) {
                made.add(new ImportKeys.Made(r.key(), kind.create(r.row(), caller), r.hash()));
                outcomes.add(Tally.Outcome.CREATED);
                flushAndClear();
            } else if (before.contentHash().equals(r.hash())) {
                outcomes.add(Tally.Outcome.UNCHANGED);
            } else {
                kind.update(r.row(), before.id(), caller);
                made.add(new ImportKeys.Made(r.key(), before.id(), r.hash()));
                outcomes.add(Tally.Outcome.UPDATED);
                flushAndClear();
            }
        }
        if (kind instanceof BatchedImportKind<R> together && !fresh.isEmpty()) {
            List<UUID> ids = together.createAll(fresh.stream().map(Ready::row).toList(), caller);
            for (int i = 0; i < fresh.size(); i++) {
                made.add(new ImportKeys.Made(fresh.get(i).key(), ids.get(i), fresh.get(i).hash()));
            }
        }
        keys.recordAll(kind.name(), made, now);
        flushAndClear();
        return outcomes;
    }

    /**
     * Each query flushes the whole persistence context first: rows left in it would make every later
     * row's queries check all of them. What is written is not read again.
     */
    private void flushAndClear() {
        em.flush();
        em.clear();
    }

    /** Applies one row on its own (a chunk with a refused row is applied again this way). */
    private <R extends KeyedRow> Tally.Outcome apply(ImportKind<R> kind, Ready<R> r, ImportCaller caller) {
        var stored = keys.find(kind.name(), r.key());
        if (stored.isPresent() && stored.get().contentHash().equals(r.hash())) {
            return Tally.Outcome.UNCHANGED;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Tally.Outcome outcome;
        if (stored.isPresent()) {
            kind.update(r.row(), stored.get().id(), caller);
            keys.record(kind.name(), r.key(), stored.get().id(), r.hash(), now);
            outcome = Tally.Outcome.UPDATED;
        } else {
            UUID id = kind.create(r.row(), caller);
            keys.record(kind.name(), r.key(), id, r.hash(), now);
            outcome = Tally.Outcome.CREATED;
        }
        flushAndClear();
        return outcome;
    }

    private static RowProblem problem(Ready<?> r, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem p) {
                return new RowProblem(r.line(), r.key(), p.field(), p.getMessage());
            }
        }
        LOG.errorf(e, "import row at line %d (key %s) could not be stored", r.line(), r.key());
        return new RowProblem(r.line(), r.key(), null, "the row could not be stored (an internal error, logged)");
    }

    private static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
