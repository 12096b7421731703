package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.OrganisationView;

@ApplicationScoped
public class OrganisationViewRepository implements PanacheRepositoryBase<OrganisationView, String> {
}
