package org.understudy.candidate.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * Posts candidates left, with the date and the reason. The post is found by its id, or by its
 * organisation and role when vacancy-service tracks it; otherwise the exit is recorded with the
 * organisation and role alone.
 */
@Singleton
public class CareerExitImport extends CandidateRecordImport<CareerExitImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId, UUID postId, String odsCode, BoardRole role,
                      @NotNull(message = "is required") LocalDate date,
                      @NotNull(message = "is required") ExitReason reason) implements CandidateRow {
    }

    private final PipelineService pipeline;
    private final PostReference posts;

    public CareerExitImport(PipelineService pipeline, CandidateReference candidates, PostReference posts) {
        super("career-exits", Row.class, "an exit", candidates);
        this.pipeline = pipeline;
        this.posts = posts;
    }

    @Override
    public Comparator<Row> order() {
        return Comparator.comparing(Row::date);
    }

    @Override
    UUID create(Row row, UUID candidateId) {
        UUID postId = row.postId() != null ? row.postId() : posts.find(row.odsCode(), row.role());
        return pipeline.recordExit(candidateId, postId, row.odsCode(), row.role(), row.date(), row.reason(), null).value().exitId;
    }
}
