package org.understudy.platform.imports;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import org.understudy.platform.security.TokenOrganisations;

import java.util.Set;

/**
 * Who submitted an import, as their token said at submission: the rows are applied later, on the
 * import's own thread, with these rights (and with this identity, for whatever records who made a change).
 *
 * @param name          the caller's user name
 * @param roles         the caller's roles
 * @param organisations the ODS codes an {@code hr} caller's token lists
 * @param identity      the identity itself
 */
public record ImportCaller(String name, Set<String> roles, Set<String> organisations, SecurityIdentity identity) {
    public ImportCaller {
        roles = Set.copyOf(roles);
        organisations = Set.copyOf(organisations);
    }

    /**
     * The caller of the request being served. The identity is the association's own, not an injected
     * {@code SecurityIdentity} (a proxy of the association, which would end up standing for itself).
     */
    public static ImportCaller of(CurrentIdentityAssociation association, TokenOrganisations organisations) {
        SecurityIdentity identity = association.getIdentity();
        return new ImportCaller(identity.getPrincipal().getName(), identity.getRoles(), organisations.codes(), identity);
    }
}
