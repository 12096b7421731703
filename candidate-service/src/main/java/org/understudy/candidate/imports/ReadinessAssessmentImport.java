package org.understudy.candidate.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.events.BoardRole;
import org.understudy.events.ReadinessLevel;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * Readiness assessments with their dates, in any order: the file's rows go oldest first, and one dated
 * before an assessment held already joins the history in its place (the latest stays current).
 */
@ApplicationScoped
public class ReadinessAssessmentImport implements ImportKind<ReadinessAssessmentImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId,
                      @NotNull(message = "is required") BoardRole role,
                      @NotNull(message = "is required") ReadinessLevel level,
                      @NotNull(message = "is required") LocalDate assessedOn,
                      @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String assessedBy) {
    }

    private final PipelineService pipeline;
    private final CandidateReference candidates;

    public ReadinessAssessmentImport(PipelineService pipeline, CandidateReference candidates) {
        this.pipeline = pipeline;
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return "readiness-assessments";
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
        return Comparator.comparing(Row::assessedOn);
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        UUID candidateId = candidates.resolve(row.candidateKey(), row.candidateId());
        return pipeline.recordPastAssessment(candidateId, row.role(), row.level(), row.assessedOn(), row.assessedBy().strip())
                .value().assessmentId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        throw Unchangeable.refusal("an assessment");
    }
}
