package org.understudy.succession.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.Replaceability;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a post's numbers: from when, why, and the event that caused it. */
@Schema(name = "PostSuccessionHistoryEntry")
public record HistoryEntryResponse(OffsetDateTime effectiveAt,
                                   @Schema(description = "The event type that caused the change, or assessment-expired") String cause,
                                   PostSuccessionResponse.Reflects event,
                                   int readyNow, int readySoon, int namedReadyNow, int poolReadyNow, Replaceability replaceability,
                                   Integer applicants, Integer shortlisted, Integer lastShortlistSize, UUID incumbentCandidateId,
                                   PostSuccessionResponse.InterimCover interimCover) {
    static HistoryEntryResponse of(PostSuccessionHistory h) {
        return new HistoryEntryResponse(h.effectiveAt, h.cause,
                h.eventId == null ? null : new PostSuccessionResponse.Reflects(h.eventId, h.eventTopic, h.eventPartition, h.eventOffset),
                h.readyNow, h.readySoon, h.namedReadyNow, h.poolReadyNow, h.replaceability, h.applicants, h.shortlisted,
                h.lastShortlistSize, h.incumbentCandidateId, PostSuccessionResponse.InterimCover.of(h.interimCandidateId, h.interimNamedOn));
    }
}
