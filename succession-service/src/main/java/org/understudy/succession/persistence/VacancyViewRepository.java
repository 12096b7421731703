package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.VacancyView;

import java.time.LocalDate;
import java.util.UUID;

/** Reads of the vacancies as the view knows them. */
@ApplicationScoped
public class VacancyViewRepository implements PanacheRepositoryBase<VacancyView, UUID> {

    /** The shortlist of the post's vacancy advertised last on or before a day (its final size); null when none was. */
    public Integer lastShortlistSizeOn(UUID postId, LocalDate day) {
        return find("postId = ?1 AND firstAdvertisedOn <= ?2 ORDER BY firstAdvertisedOn DESC", postId, day).firstResultOptional()
                .map(v -> v.shortlistSize).orElse(null);
    }
}
