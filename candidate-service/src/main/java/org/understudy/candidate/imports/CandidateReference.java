package org.understudy.candidate.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.platform.imports.ImportKeys;
import org.understudy.platform.problem.ApiProblem;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Finds the candidate a row is about: by the key it was imported with, or by its Understudy id. */
@ApplicationScoped
public class CandidateReference {
    private final ImportKeys keys;

    public CandidateReference(ImportKeys keys) {
        this.keys = keys;
    }

    /** {@link #resolve} for several rows, their keys asked with one question; the ids in the rows' order. */
    public List<UUID> resolveAll(List<? extends CandidateRecordImport.CandidateRow> rows) {
        Map<String, ImportKeys.Stored> imported = keys.findAll(CandidateImport.NAME,
                rows.stream().map(CandidateRecordImport.CandidateRow::candidateKey).filter(Objects::nonNull).distinct().toList());
        return rows.stream().map(r -> {
            ImportKeys.Stored stored = r.candidateKey() == null || r.candidateId() != null ? null : imported.get(r.candidateKey());
            return stored != null ? stored.id() : resolve(r.candidateKey(), r.candidateId());
        }).toList();
    }

    /** The candidate's id (400 naming candidateKey when neither is given, 404 when the key was never imported). */
    public UUID resolve(String candidateKey, UUID candidateId) {
        if (candidateKey != null && candidateId != null) {
            throw ApiProblem.badRequest("candidateKey", "candidateKey: give candidateKey or candidateId, not both");
        }
        if (candidateId != null) {
            return candidateId;
        }
        if (candidateKey == null) {
            throw ApiProblem.badRequest("candidateKey", "candidateKey: is required (or candidateId)");
        }
        return keys.idOf(CandidateImport.NAME, candidateKey).orElseThrow(() -> ApiProblem.notFound("candidateKey",
                "no candidate was imported with key '" + candidateKey + "'; import the candidates first"));
    }
}
