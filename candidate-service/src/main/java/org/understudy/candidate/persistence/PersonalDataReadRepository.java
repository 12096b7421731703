package org.understudy.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.candidate.domain.PersonalDataRead;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PersonalDataReadRepository implements PanacheRepositoryBase<PersonalDataRead, Long> {

    /** Reads matching the filters (null: any), newest first. */
    public PanacheQuery<PersonalDataRead> search(UUID candidateId, String reader) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (candidateId != null) {
            where.add("candidateId = :candidate");
            params.and("candidate", candidateId);
        }
        if (reader != null) {
            where.add("reader = :reader");
            params.and("reader", reader);
        }
        Sort sort = Sort.descending("readId");
        return where.isEmpty() ? findAll(sort) : find(String.join(" AND ", where), sort, params);
    }
}
