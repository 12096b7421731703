package org.understudy.candidate.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.platform.imports.BatchedImportKind;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.events.BoardRole;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Readiness assessments with their dates, in any order: the file's rows go oldest first, and one dated
 * before an assessment held already joins the history in its place (the latest stays current).
 */
@Singleton
public class ReadinessAssessmentImport extends CandidateRecordImport<ReadinessAssessmentImport.Row>
        implements BatchedImportKind<ReadinessAssessmentImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId,
                      @NotNull(message = "is required") BoardRole role,
                      @NotNull(message = "is required") ReadinessLevel level,
                      @NotNull(message = "is required") LocalDate assessedOn,
                      @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String assessedBy)
            implements CandidateRow {
    }

    private final PipelineService pipeline;

    public ReadinessAssessmentImport(PipelineService pipeline, CandidateReference candidates) {
        super("readiness-assessments", Row.class, "an assessment", candidates);
        this.pipeline = pipeline;
    }

    @Override
    public Comparator<Row> order() {
        return Comparator.comparing(Row::assessedOn);
    }

    /** A chunk's new assessments together: their candidates locked and read once, the records written in batches. */
    @Override
    public List<UUID> createAll(List<Row> rows, ImportCaller caller) {
        List<UUID> candidateIds = candidateIds(rows);
        List<PipelineService.PastAssessment> past = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            past.add(new PipelineService.PastAssessment(candidateIds.get(i), row.role(), row.level(), row.assessedOn(), row.assessedBy().strip()));
        }
        return pipeline.recordPastAssessments(past);
    }

    @Override
    UUID create(Row row, UUID candidateId) {
        return pipeline.recordPastAssessment(candidateId, row.role(), row.level(), row.assessedOn(), row.assessedBy().strip())
                .value().assessmentId;
    }
}
