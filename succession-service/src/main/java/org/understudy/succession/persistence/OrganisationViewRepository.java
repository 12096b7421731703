package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.OrganisationView;

import java.util.Collection;
import java.util.Map;

@ApplicationScoped
public class OrganisationViewRepository implements PanacheRepositoryBase<OrganisationView, String> {

    /** The existing organisations among these codes (see {@link EntitiesById}: rows the transaction holds come back as held). */
    public Map<String, OrganisationView> byCodes(Collection<String> odsCodes) {
        return EntitiesById.load(getEntityManager(), OrganisationView.class, "odsCode", odsCodes, o -> o.odsCode);
    }
}
