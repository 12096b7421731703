package org.understudy.candidate.imports;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import org.understudy.candidate.api.CandidateRequest;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.CandidateService;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.platform.imports.BatchedImportKind;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.imports.RequestCheck;

import java.util.List;
import java.util.UUID;

/**
 * Candidates, by the client's key: a new key registers one (a chunk of them together), a changed row
 * changes their profile.
 */
@Singleton
public class CandidateImport implements BatchedImportKind<CandidateImport.Row> {
    static final String NAME = "candidates";

    /** A candidate's profile, its columns named as the fields of a registration (mobility's flattened). */
    public record Row(String key, String name, String email, String phone, String currentJobTitle, String currentOrganisationOdsCode,
                      String notes, List<Region> regions, List<OrganisationType> organisationTypes,
                      Boolean considersChallengedOrganisations) implements KeyedRow {
        CandidateRequest request() {
            return new CandidateRequest(name, email, phone, currentJobTitle, currentOrganisationOdsCode, notes,
                    new CandidateRequest.MobilityRequest(regions, organisationTypes, considersChallengedOrganisations));
        }
    }

    private final CandidateService candidates;
    private final Validator validator;

    public CandidateImport(CandidateService candidates, Validator validator) {
        this.candidates = candidates;
        this.validator = validator;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        return candidates.register(RequestCheck.valid(validator, row.request()).toProfile()).candidateId;
    }

    @Override
    public List<UUID> createAll(List<Row> rows, ImportCaller caller) {
        return candidates.registerAll(rows.stream().map(r -> RequestCheck.valid(validator, r.request()).toProfile()).toList())
                .stream().map(c -> c.candidateId).toList();
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        CandidateRequest request = RequestCheck.valid(validator, row.request());
        Candidate candidate = candidates.lockForChange(id, null);
        candidates.update(candidate, request.toProfile());
    }
}
