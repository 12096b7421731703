package org.understudy.candidate.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** Fit and proper person checks with their dates; the file's rows go oldest first, so the latest is the one held. */
@Singleton
public class FitAndProperCheckImport extends CandidateRecordImport<FitAndProperCheckImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId,
                      @NotNull(message = "is required") FitAndProperStatus status,
                      LocalDate checkedOn) implements CandidateRow {
    }

    private final PipelineService pipeline;

    public FitAndProperCheckImport(PipelineService pipeline, CandidateReference candidates) {
        super("fit-and-proper-checks", Row.class, "a check", candidates);
        this.pipeline = pipeline;
    }

    @Override
    public Comparator<Row> order() {
        return Comparator.comparing(Row::checkedOn, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    @Override
    UUID create(Row row, UUID candidateId) {
        return pipeline.recordFitAndProper(candidateId, row.status(), row.checkedOn(), null).candidateId;
    }
}
