package org.understudy.platform.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An import and how far it has got: the response to a submission and to every look at it after.
 *
 * @param rowsPerSecond rows done per second since the job started (to now while it runs)
 */
@Schema(name = "ImportJob", description = "An import file being applied, and how far it has got")
public record ImportJob(
        UUID id,
        String kind,
        @Schema(description = "QUEUED, RUNNING, COMPLETED (every good row stored; see rejected), REJECTED (atomic: nothing stored "
                + "because a row had a problem) or FAILED (stopped early: message says why; rows done so far are stored)")
        Status status,
        boolean dryRun,
        boolean atomic,
        ImportFormat format,
        @Schema(description = "Rows in the file") int rows,
        @Schema(description = "Rows dealt with so far (stored, unchanged or rejected)") int rowsDone,
        int created,
        int updated,
        int unchanged,
        @Schema(description = "Rows not stored, each with its problems") int rejected,
        double rowsPerSecond,
        @Schema(description = "Problems of the rejected rows, in line order (the first few hundred)") List<RowProblem> problems,
        String message,
        String submittedBy,
        OffsetDateTime submittedAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    public enum Status {
        QUEUED, RUNNING, COMPLETED, REJECTED, FAILED;

        public boolean finished() {
            return this == COMPLETED || this == REJECTED || this == FAILED;
        }
    }

    static double rate(int rowsDone, OffsetDateTime startedAt, OffsetDateTime until) {
        if (startedAt == null || rowsDone == 0) {
            return 0;
        }
        double seconds = Math.max(Duration.between(startedAt, until).toNanos() / 1e9, 1e-3);
        return Math.round(rowsDone / seconds * 10) / 10.0;
    }
}
