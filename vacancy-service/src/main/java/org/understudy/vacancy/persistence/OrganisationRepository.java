package org.understudy.vacancy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.vacancy.domain.Organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {

    /** Loads an organisation locked for update, so that concurrent changes apply one after the other. */
    public Optional<Organisation> findForUpdate(String odsCode) {
        return findByIdOptional(odsCode, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Those of these ODS codes that an organisation is registered with. */
    public List<String> taken(Collection<String> odsCodes) {
        return odsCodes.isEmpty() ? List.of()
                : getEntityManager().createQuery("SELECT o.odsCode FROM Organisation o WHERE o.odsCode IN :codes", String.class)
                .setParameter("codes", odsCodes).getResultList();
    }

    /** Organisations matching every given filter (null: any), in the given order. */
    public PanacheQuery<Organisation> search(Region region, OrganisationType type, Integer segment, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (region != null) {
            where.add("region = :region");
            params.and("region", region);
        }
        if (type != null) {
            where.add("organisationType = :type");
            params.and("type", type);
        }
        if (segment != null) {
            where.add("oversightSegment = :segment");
            params.and("segment", segment);
        }
        return where.isEmpty() ? findAll(sort) : find(String.join(" AND ", where), sort, params);
    }
}
