package org.understudy.platform.security;

import io.quarkus.security.ForbiddenException;

import java.util.Set;

/**
 * Who may read a post's successor list, and whether with the people's names: personal data belongs
 * to the talent team and to the trust whose post it is, not to whoever can read the numbers.
 * <ul>
 *   <li>{@code talent} and {@code admin}: any post, with names;</li>
 *   <li>{@code hr}: the posts of the organisations in its token, with names; any other trust's: refused;</li>
 *   <li>{@code regulator}: any post, candidate ids only (the regulator judges the queue, not the people);</li>
 *   <li>anyone else: refused.</li>
 * </ul>
 */
public final class SuccessorListAccess {
    /** What a caller gets. */
    public enum Grant { NAMES, IDS_ONLY, REFUSED }

    private SuccessorListAccess() {
    }

    /**
     * What the caller gets for a post of this organisation; refused with 403 (naming the claim an hr user's
     * organisations come from) when nothing.
     */
    public static Grant require(Set<String> roles, TokenOrganisations organisations, String odsCode) {
        Grant grant = of(roles, organisations.lists(odsCode));
        if (grant == Grant.REFUSED) {
            throw new ForbiddenException("your token may not read the successors of " + odsCode + "'s posts (hr users: only the"
                    + " organisations in their token's " + organisations.claim() + " claim)");
        }
        return grant;
    }

    /**
     * @param roles       the caller's roles
     * @param listsTheOrg whether the caller's token lists the post's organisation (its {@code orgs} claim)
     */
    public static Grant of(Set<String> roles, boolean listsTheOrg) {
        if (roles.contains(Roles.ADMIN) || roles.contains(Roles.TALENT)) {
            return Grant.NAMES;
        }
        if (roles.contains(Roles.HR) && listsTheOrg) {
            return Grant.NAMES;
        }
        if (roles.contains(Roles.REGULATOR)) {
            return Grant.IDS_ONLY;
        }
        return Grant.REFUSED;
    }
}
