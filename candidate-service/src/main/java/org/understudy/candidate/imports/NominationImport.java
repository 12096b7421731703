package org.understudy.candidate.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.events.BoardRole;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** Named successors, with the day each was named; the post by its id or by its organisation and role. */
@Singleton
public class NominationImport extends CandidateRecordImport<NominationImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId, UUID postId, String odsCode, BoardRole role,
                      @NotNull(message = "is required") ReadinessLevel readiness,
                      @NotNull(message = "is required") LocalDate nominatedOn) implements CandidateRow {
    }

    private final PipelineService pipeline;
    private final PostReference posts;

    public NominationImport(PipelineService pipeline, CandidateReference candidates, PostReference posts) {
        super("nominations", Row.class, "a nomination", candidates);
        this.pipeline = pipeline;
        this.posts = posts;
    }

    @Override
    public Comparator<Row> order() {
        return Comparator.comparing(Row::nominatedOn);
    }

    @Override
    UUID create(Row row, UUID candidateId) {
        UUID postId = posts.require(row.postId(), row.odsCode(), row.role());
        return pipeline.nominate(candidateId, postId, row.readiness(), row.nominatedOn(), null).value().nominationId;
    }
}
