package org.understudy.succession.persistence;

import org.understudy.succession.domain.PostSuccessionHistory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The history rows of a rebuild, written to a temporary file in COPY format as the fold makes them (a
 * national replay makes millions: too many to hold), then copied into the table with the rest of the
 * view. Deleted when closed.
 */
public final class RebuildSpill implements AutoCloseable {
    private final Path historyFile;
    private final BufferedWriter historyOut;
    private final CopyText history;
    private long historyRows;

    public RebuildSpill() {
        try {
            historyFile = Files.createTempFile("succession-rebuild-history", ".copy");
            historyOut = Files.newBufferedWriter(historyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        history = new CopyText(historyOut);
    }

    public void history(List<PostSuccessionHistory> rows) {
        for (PostSuccessionHistory h : rows) {
            ViewTables.HISTORY.row().accept(history, h);
            history.end();
        }
        historyRows += rows.size();
    }

    public long historyRows() {
        return historyRows;
    }

    /** Finishes writing; the file can then be read. */
    void finish() {
        try {
            historyOut.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path historyFile() {
        return historyFile;
    }

    @Override
    public void close() {
        try {
            historyOut.close();
            Files.deleteIfExists(historyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
