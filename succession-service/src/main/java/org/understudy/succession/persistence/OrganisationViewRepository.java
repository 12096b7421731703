package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.OrganisationView;

/** Reads of the organisations as the view knows them. */
@ApplicationScoped
public class OrganisationViewRepository implements PanacheRepositoryBase<OrganisationView, String> {
}
