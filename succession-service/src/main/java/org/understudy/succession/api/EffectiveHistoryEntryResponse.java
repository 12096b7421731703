package org.understudy.succession.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.succession.domain.EffectiveHistory;
import org.understudy.succession.domain.Replaceability;

import java.time.LocalDate;
import java.util.UUID;

/** A post's numbers from a day on, as the dated facts held now say they were. */
@Schema(name = "PostEffectiveHistoryEntry")
public record EffectiveHistoryEntryResponse(@Schema(description = "The day these numbers took effect") LocalDate on,
                                            int readyNow, int readySoon, int namedReadyNow, int poolReadyNow,
                                            Replaceability replaceability,
                                            @Schema(description = "Who held the post that day, if a pipeline candidate") UUID incumbentCandidateId) {
    static EffectiveHistoryEntryResponse of(EffectiveHistory.Entry e) {
        return new EffectiveHistoryEntryResponse(e.on(), e.numbers().readyNow(), e.numbers().readySoon(), e.numbers().namedReadyNow(),
                e.numbers().poolReadyNow(), e.replaceability(), e.incumbentCandidateId());
    }
}
