package org.understudy.vacancy.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.understudy.platform.security.Roles;
import org.understudy.vacancy.domain.OrganisationWriteScope;
import org.understudy.vacancy.persistence.PostRepository;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Refuses (403) a write to an organisation the caller's token does not list. Unknown posts and
 * vacancies pass here and are answered 404 by the service that looks them up.
 */
@RequestScoped
public class OrganisationAccess {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    PostRepository posts;

    /** The claim listing the ODS codes an hr user may write for: {@code orgs}, or the identity provider's own name for it. */
    @ConfigProperty(name = "understudy.security.orgs-claim", defaultValue = Roles.ORGS_CLAIM)
    String orgsClaim;

    public void requireWrite(String odsCode) {
        if (!OrganisationWriteScope.permits(identity.getRoles(), orgs(), odsCode)) {
            throw new ForbiddenException("your token may not change organisation " + odsCode
                    + " (hr users may change only the organisations in their token's " + orgsClaim + " claim)");
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

    private Set<String> orgs() {
        Object claim = token.getClaim(orgsClaim);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(OrganisationAccess::text).collect(Collectors.toSet());
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(OrganisationAccess::text).collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static String text(Object value) {
        return value instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(value);
    }
}
