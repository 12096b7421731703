package org.understudy.candidate.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * Posts candidates left, with the date and the reason. The post is found by its id, or by its
 * organisation and role when vacancy-service tracks it; otherwise the exit is recorded with the
 * organisation and role alone.
 */
@ApplicationScoped
public class CareerExitImport implements ImportKind<CareerExitImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId, UUID postId, String odsCode, BoardRole role,
                      @NotNull(message = "is required") LocalDate date,
                      @NotNull(message = "is required") ExitReason reason) {
    }

    private final PipelineService pipeline;
    private final CandidateReference candidates;
    private final PostReference posts;

    public CareerExitImport(PipelineService pipeline, CandidateReference candidates, PostReference posts) {
        this.pipeline = pipeline;
        this.candidates = candidates;
        this.posts = posts;
    }

    @Override
    public String name() {
        return "career-exits";
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public String key(Row row) {
        return row.key();
    }

    @Override
    public Comparator<Row> order() {
        return Comparator.comparing(Row::date);
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        UUID candidateId = candidates.resolve(row.candidateKey(), row.candidateId());
        UUID postId = row.postId() != null ? row.postId() : posts.find(row.odsCode(), row.role());
        return pipeline.recordExit(candidateId, postId, row.odsCode(), row.role(), row.date(), row.reason(), null).value().exitId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        throw Unchangeable.refusal("an exit");
    }
}
