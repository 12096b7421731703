package org.understudy.vacancy.imports;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.understudy.events.BoardRole;
import org.understudy.events.VacancyStatus;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportKind;
import org.understudy.platform.imports.KeyedRow;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.domain.PastVacancy;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.VacancyService;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * Recruitments as they went: advertised on a date, then lapsed, withdrawn or filled on another (or still
 * in play), with the times re-advertised. A post's rows go in the order they were first advertised.
 */
@Singleton
public class VacancyImport implements ImportKind<VacancyImport.Row> {
    static final String NAME = "vacancies";

    public record Row(String key, UUID postId, String odsCode, BoardRole role,
                      @NotNull(message = "is required") VacancyStatus status,
                      LocalDate closingDate, LocalDate firstAdvertisedOn, Integer readverts, LocalDate closedOn,
                      @Size(max = 500, message = "must be at most 500 characters") String closeReason,
                      LocalDate filledOn, UUID appointedCandidateId, Boolean appointmentInterim) implements KeyedRow {
        PastVacancy past() {
            return new PastVacancy(status, closingDate, firstAdvertisedOn, readverts == null ? 0 : readverts, closedOn,
                    closeReason, filledOn, appointedCandidateId, appointmentInterim);
        }
    }

    private final PostReference posts;
    private final VacancyService vacancies;

    public VacancyImport(PostReference posts, VacancyService vacancies) {
        this.posts = posts;
        this.vacancies = vacancies;
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
    public Comparator<Row> order() {
        return Comparator.comparing(Row::firstAdvertisedOn, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    @Override
    public UUID create(Row row, ImportCaller caller) {
        Post post = posts.require(row.postId(), row.odsCode(), row.role(), caller);
        return vacancies.recordPast(post.postId, row.past()).vacancyId;
    }

    @Override
    public void update(Row row, UUID id, ImportCaller caller) {
        throw ApiProblem.conflict("key", "a vacancy was imported with this key and other content; what happened is not rewritten "
                + "(a vacancy still in play moves on through the API)");
    }
}
