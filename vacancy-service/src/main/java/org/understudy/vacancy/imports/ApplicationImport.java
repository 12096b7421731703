package org.understudy.vacancy.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKeys;
import org.understudy.platform.imports.ImportKind;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.Vacancy;
import org.understudy.vacancy.domain.VacancyService;
import org.understudy.vacancy.persistence.PostRepository;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** Applications to imported (or recorded) vacancies, with the day each came in, was withdrawn, and whether it was shortlisted. */
@Singleton
public class ApplicationImport implements ImportKind<ApplicationImport.Row> {
    public record Row(String key, String vacancyKey, UUID vacancyId,
                      @NotNull(message = "is required") UUID candidateId,
                      @NotNull(message = "is required") LocalDate appliedOn,
                      LocalDate withdrawnOn,
                      @Size(max = 500, message = "must be at most 500 characters") String withdrawalReason,
                      Boolean shortlisted) implements KeyedRow {
    }

    private final ImportKeys keys;
    private final VacancyService vacancies;
    private final PostRepository posts;

    public ApplicationImport(ImportKeys keys, VacancyService vacancies, PostRepository posts) {
        this.keys = keys;
        this.vacancies = vacancies;
        this.posts = posts;
    }

    @Override
    public String name() {
        return "applications";
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public Comparator<Row> order() {
        return Comparator.comparing(Row::appliedOn);
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        Vacancy vacancy = vacancies.get(vacancyId(row));
        ImportScope.requireWrite(caller, posts.findById(vacancy.postId).odsCode);
        return vacancies.recordPastApplication(vacancy.vacancyId, row.candidateId(), row.appliedOn(), row.withdrawnOn(),
                row.withdrawalReason(), Boolean.TRUE.equals(row.shortlisted())).applicationId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        throw ApiProblem.conflict("key", "an application was imported with this key and other content; what happened is not rewritten");
    }

    private UUID vacancyId(Row row) {
        if (row.vacancyKey() != null && row.vacancyId() != null) {
            throw ApiProblem.badRequest("vacancyKey", "vacancyKey: give vacancyKey or vacancyId, not both");
        }
        if (row.vacancyId() != null) {
            return row.vacancyId();
        }
        if (row.vacancyKey() == null) {
            throw ApiProblem.badRequest("vacancyKey", "vacancyKey: is required (or vacancyId)");
        }
        return keys.idOf(VacancyImport.NAME, row.vacancyKey()).orElseThrow(() -> ApiProblem.notFound("vacancyKey",
                "no vacancy was imported with key '" + row.vacancyKey() + "'; import the vacancies first"));
    }
}
