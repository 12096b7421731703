package org.understudy.succession.persistence;

import org.understudy.succession.domain.EventPosition;
import org.understudy.succession.domain.MemoryViewStore;
import org.understudy.succession.domain.PostSuccessionHistory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The history rows and applied events of a rebuild, written to temporary files in COPY format as the
 * fold makes them (a national replay makes millions: too many to hold), then copied into the tables
 * with the rest of the view. Deleted when closed.
 */
public final class RebuildSpill implements MemoryViewStore.Spill, AutoCloseable {
    static final String HISTORY_COLUMNS = "post_id, effective_at, cause, event_id, event_topic, event_partition, event_offset, "
            + "ready_now, ready_soon, named_ready_now, pool_ready_now, replaceability, applicants, shortlisted, "
            + "last_shortlist_size, incumbent_candidate_id, interim_candidate_id, interim_named_on";
    static final String APPLIED_COLUMNS = "event_id, event_type, topic, record_partition, record_offset, applied_at";

    private final Clock clock;
    private final Path historyFile;
    private final Path appliedFile;
    private final BufferedWriter historyOut;
    private final BufferedWriter appliedOut;
    private final CopyText history;
    private final CopyText applied;
    private long historyRows;

    public RebuildSpill(Clock clock) {
        this.clock = clock;
        try {
            historyFile = Files.createTempFile("succession-rebuild-history", ".copy");
            appliedFile = Files.createTempFile("succession-rebuild-applied", ".copy");
            historyOut = Files.newBufferedWriter(historyFile, StandardCharsets.UTF_8);
            appliedOut = Files.newBufferedWriter(appliedFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        history = new CopyText(historyOut);
        applied = new CopyText(appliedOut);
    }

    @Override
    public void history(PostSuccessionHistory h) {
        history.fields(h.postId, h.effectiveAt, h.cause, h.eventId, h.eventTopic, h.eventPartition, h.eventOffset,
                h.readyNow, h.readySoon, h.namedReadyNow, h.poolReadyNow, h.replaceability, h.applicants, h.shortlisted,
                h.lastShortlistSize, h.incumbentCandidateId, h.interimCandidateId, h.interimNamedOn).end();
        historyRows++;
    }

    @Override
    public void applied(EventPosition p) {
        applied.fields(p.eventId(), p.type(), p.topic(), p.partition(), p.offset(), OffsetDateTime.now(clock)).end();
    }

    public long historyRows() {
        return historyRows;
    }

    /** Finishes writing; the files can then be read. */
    public void finish() {
        try {
            historyOut.close();
            appliedOut.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path historyFile() {
        return historyFile;
    }

    Path appliedFile() {
        return appliedFile;
    }

    @Override
    public void close() {
        try {
            historyOut.close();
            appliedOut.close();
            Files.deleteIfExists(historyFile);
            Files.deleteIfExists(appliedFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
