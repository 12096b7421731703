package org.understudy.candidate.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.events.BoardRole;
import org.understudy.events.ReadinessLevel;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** Named successors, with the day each was named; the post by its id or by its organisation and role. */
@ApplicationScoped
public class NominationImport implements ImportKind<NominationImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId, UUID postId, String odsCode, BoardRole role,
                      @NotNull(message = "is required") ReadinessLevel readiness,
                      @NotNull(message = "is required") LocalDate nominatedOn) {
    }

    private final PipelineService pipeline;
    private final CandidateReference candidates;
    private final PostReference posts;

    public NominationImport(PipelineService pipeline, CandidateReference candidates, PostReference posts) {
        this.pipeline = pipeline;
        this.candidates = candidates;
        this.posts = posts;
    }

    @Override
    public String name() {
        return "nominations";
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
        return Comparator.comparing(Row::nominatedOn);
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        UUID candidateId = candidates.resolve(row.candidateKey(), row.candidateId());
        UUID postId = posts.require(row.postId(), row.odsCode(), row.role());
        return pipeline.nominate(candidateId, postId, row.readiness(), row.nominatedOn(), null).value().nominationId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        throw Unchangeable.refusal("a nomination");
    }
}
