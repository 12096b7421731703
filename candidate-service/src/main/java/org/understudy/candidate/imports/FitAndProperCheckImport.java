package org.understudy.candidate.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import org.understudy.candidate.domain.PipelineService;
import org.understudy.events.FitAndProperStatus;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** Fit and proper person checks with their dates; the file's rows go oldest first, so the latest is the one held. */
@ApplicationScoped
public class FitAndProperCheckImport implements ImportKind<FitAndProperCheckImport.Row> {
    public record Row(String key, String candidateKey, UUID candidateId,
                      @NotNull(message = "is required") FitAndProperStatus status,
                      LocalDate checkedOn) {
    }

    private final PipelineService pipeline;
    private final CandidateReference candidates;

    public FitAndProperCheckImport(PipelineService pipeline, CandidateReference candidates) {
        this.pipeline = pipeline;
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return "fit-and-proper-checks";
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
        return Comparator.comparing(Row::checkedOn, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        UUID candidateId = candidates.resolve(row.candidateKey(), row.candidateId());
        return pipeline.recordFitAndProper(candidateId, row.status(), row.checkedOn(), null).candidateId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        throw Unchangeable.refusal("a check");
    }
}
