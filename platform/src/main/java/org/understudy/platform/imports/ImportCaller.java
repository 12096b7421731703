package org.understudy.platform.imports;

import java.util.Set;

/**
 * Who submitted an import, as their token said at submission: the rows are applied later, on the
 * import's own thread, with these rights.
 *
 * @param name          the caller's user name (recorded on the job and wherever the rows' changes are audited)
 * @param roles         the caller's roles
 * @param organisations the ODS codes an {@code hr} caller's token lists
 */
public record ImportCaller(String name, Set<String> roles, Set<String> organisations) {
    public ImportCaller {
        roles = Set.copyOf(roles);
        organisations = Set.copyOf(organisations);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
