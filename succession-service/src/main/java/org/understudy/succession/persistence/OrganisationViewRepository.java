package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.OrganisationView;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class OrganisationViewRepository implements PanacheRepositoryBase<OrganisationView, String> {

    /** The existing organisations among these codes, in one statement (rows the transaction holds come back as held). */
    public Map<String, OrganisationView> byCodes(Collection<String> odsCodes) {
        Map<String, OrganisationView> out = new HashMap<>();
        if (odsCodes.isEmpty()) {
            return out;
        }
        if (odsCodes.size() == 1) {
            // As PostSuccessionRepository.byIds: no HQL translation for the common single code.
            String code = odsCodes.iterator().next();
            OrganisationView o = getEntityManager().find(OrganisationView.class, code);
            if (o != null) {
                out.put(code, o);
            }
            return out;
        }
        for (OrganisationView o : getEntityManager().createQuery("SELECT o FROM OrganisationView o WHERE o.odsCode IN :codes", OrganisationView.class)
                .setParameter("codes", odsCodes).getResultList()) {
            out.put(o.odsCode, o);
        }
        return out;
    }
}
