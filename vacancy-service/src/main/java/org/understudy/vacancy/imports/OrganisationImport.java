package org.understudy.vacancy.imports;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.platform.imports.BatchedImportKind;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.imports.RequestCheck;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.api.OrganisationRequest;
import org.understudy.vacancy.domain.OrganisationDetails;
import org.understudy.vacancy.domain.OrganisationService;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Organisations, by the client's key: a new key registers one (a chunk of them together), a changed row
 * changes its details (as {@code PUT /api/v1/organisations/{odsCode}}, the oversight segment only by those
 * who may set it).
 */
@Singleton
public class OrganisationImport implements BatchedImportKind<OrganisationImport.Row> {
    public record Row(String key, String odsCode, String name, Region region, OrganisationType organisationType, Boolean foundationTrust,
                      String integratedCareBoardCode, Integer oversightSegment) implements KeyedRow {
        OrganisationRequest request() {
            return new OrganisationRequest(odsCode, name, region, organisationType, foundationTrust, integratedCareBoardCode, oversightSegment);
        }
    }

    private final OrganisationService organisations;
    private final Validator validator;

    public OrganisationImport(OrganisationService organisations, Validator validator) {
        this.organisations = organisations;
        this.validator = validator;
    }

    @Override
    public String name() {
        return "organisations";
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        OrganisationRequest request = checked(row, caller);
        organisations.create(request.toDetails(row.odsCode()), ImportScope.callerOf(caller));
        return idOf(row.odsCode());
    }

    @Override
    public List<UUID> createAll(List<Row> rows, ImportCaller caller) {
        List<OrganisationDetails> all = rows.stream().map(row -> checked(row, caller).toDetails(row.odsCode())).toList();
        organisations.createAll(all, ImportScope.callerOf(caller));
        return rows.stream().map(row -> idOf(row.odsCode())).toList();
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        if (!id.equals(idOf(row.odsCode()))) {
            throw ApiProblem.conflict("odsCode", "this key was imported for another organisation; an organisation's ODS code does not change");
        }
        OrganisationRequest request = checked(row, caller);
        organisations.update(row.odsCode(), request.toDetails(row.odsCode()), null, ImportScope.callerOf(caller));
    }

    private OrganisationRequest checked(Row row, ImportCaller caller) {
        if (row.odsCode() == null) {
            throw ApiProblem.badRequest("odsCode", "odsCode: is required");
        }
        OrganisationRequest request = RequestCheck.valid(validator, row.request());
        ImportScope.requireWrite(caller, row.odsCode());
        return request;
    }

    /** An organisation's id for the import keys: its ODS code is its identity. */
    static UUID idOf(String odsCode) {
        return UUID.nameUUIDFromBytes(("organisation:" + odsCode).getBytes(StandardCharsets.UTF_8));
    }
}
