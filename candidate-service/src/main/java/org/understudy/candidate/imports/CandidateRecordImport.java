package org.understudy.candidate.imports;

import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.problem.ApiProblem;

import java.util.List;
import java.util.UUID;

/**
 * A kind whose rows are records of what happened to a candidate (an assessment, a check, a nomination,
 * an exit): each row names its candidate by import key or id, and a row imported before is never
 * rewritten: other content under its key is refused (a later event is a row of its own, with its own key).
 * The kinds are {@code @Singleton} beans: no client proxy, so the final methods here stay final.
 */
abstract class CandidateRecordImport<R extends CandidateRecordImport.CandidateRow> implements ImportKind<R> {
    /** A row about one candidate, named by the key they were imported with or by their id. */
    interface CandidateRow extends KeyedRow {
        String candidateKey();

        UUID candidateId();
    }

    private final String name;
    private final Class<R> rowType;
    private final String record;
    private final CandidateReference candidates;

    /** @param record what one row is, for the refusal of a rewrite ("an assessment") */
    CandidateRecordImport(String name, Class<R> rowType, String record, CandidateReference candidates) {
        this.name = name;
        this.rowType = rowType;
        this.record = record;
        this.candidates = candidates;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<R> rowType() {
        return rowType;
    }

    @Override
    public final UUID create(R row, ImportCaller caller) {
        return create(row, candidates.resolve(row.candidateKey(), row.candidateId()));
    }

    /** The candidates the rows are about, in the rows' order (their keys asked with one question). */
    final List<UUID> candidateIds(List<R> rows) {
        return candidates.resolveAll(rows);
    }

    /** Stores the row about this candidate; the id of what it made. */
    abstract UUID create(R row, UUID candidateId);

    @Override
    public final void update(R row, UUID id, ImportCaller caller) {
        throw ApiProblem.conflict("key", record + " was imported with this key and other content; what happened is not rewritten: "
                + "a later event is a row of its own, with its own key");
    }
}
