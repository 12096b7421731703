package org.understudy.succession.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.succession.domain.AssessmentLedger;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The result of walking the assessments' hash chain. */
@Schema(name = "AssessmentVerification")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerificationResponse(
        @Schema(description = "OK when every record matches its hash, links to the one before and matches the hash published when it was recorded; BROKEN otherwise") String status,
        @Schema(description = "Records in the table") long records,
        @Schema(description = "Records checked and found intact, from the first") long verified,
        @Schema(description = "The sequence number of the last intact record") long lastSequence,
        @Schema(description = "The hash of the last intact record: publish it elsewhere to detect the removal of later records") String lastHash,
        @Schema(description = "The first record that fails, and why; null when status is OK") BrokenRecord firstBroken,
        @Schema(description = "Records read back from succession-assessments, where each is published when recorded; the "
                + "table's hashes are compared with them. Null when the topic could not be read") Integer publishedRecords,
        @Schema(description = "Why the published chain could not be read (the table was then checked alone); null otherwise") String publishedUnavailable,
        OffsetDateTime verifiedAt) {

    public record BrokenRecord(long sequence, UUID assessmentId, String reason) {
    }

    static VerificationResponse of(AssessmentLedger.Verification v, Integer publishedRecords, String publishedUnavailable) {
        return new VerificationResponse(v.intact() ? "OK" : "BROKEN", v.records(), v.verified(), v.lastSequence(), v.lastHash(),
                v.firstBroken() == null ? null
                        : new BrokenRecord(v.firstBroken().sequence(), v.firstBroken().assessmentId(), v.firstBroken().reason()),
                publishedRecords, publishedUnavailable, v.verifiedAt());
    }
}
