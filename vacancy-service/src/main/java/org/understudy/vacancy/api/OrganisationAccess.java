package org.understudy.vacancy.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.understudy.platform.security.TokenOrganisations;
import org.understudy.vacancy.domain.OrganisationWriteScope;
import org.understudy.vacancy.persistence.PostRepository;

import java.util.UUID;

/**
 * Refuses (403) a write to an organisation the caller's token does not list. Unknown posts and
 * vacancies pass here and are answered 404 by the service that looks them up.
 */
@RequestScoped
public class OrganisationAccess {
    @Inject
    SecurityIdentity identity;

    @Inject
    TokenOrganisations organisations;

    @Inject
    PostRepository posts;

    public void requireWrite(String odsCode) {
        if (!OrganisationWriteScope.permits(identity.getRoles(), organisations.codes(), odsCode)) {
            throw new ForbiddenException("your token may not change organisation " + odsCode
                    + " (hr users may change only the organisations in their token's " + organisations.claim() + " claim)");
        }
    }

    // Only the ODS code is read (a scalar, not an entity): loading the entity here would put an
    // unlocked copy in the persistence context, and the service's later locking read would reuse it.
    public void requireWriteForPost(UUID postId) {
        if (postId != null) {
            posts.getEntityManager().createQuery("select p.odsCode from Post p where p.postId = :id", String.class)
                    .setParameter("id", postId).getResultStream().findFirst().ifPresent(this::requireWrite);
        }
    }

    public void requireWriteForVacancy(UUID vacancyId) {
        if (vacancyId != null) {
            posts.getEntityManager().createQuery(
                            "select p.odsCode from Vacancy v, Post p where p.postId = v.postId and v.vacancyId = :id", String.class)
                    .setParameter("id", vacancyId).getResultStream().findFirst().ifPresent(this::requireWrite);
        }
    }
}
