package org.understudy.vacancy.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Who may change an organisation's records: an {@code admin}, or an {@code hr} user whose token
 * lists the organisation's ODS code in its {@code orgs} claim. Reads are not scoped.
 */
public final class OrganisationWriteScope {
    private OrganisationWriteScope() {
    }

    public static boolean permits(Set<String> roles, Set<String> orgs, String odsCode) {
        if (roles.contains("admin")) {
            return true;
        }
        if (!roles.contains("hr") || odsCode == null) {
            return false;
        }
        String wanted = odsCode.strip().toUpperCase(Locale.ROOT);
        return orgs.stream().anyMatch(o -> o != null && o.strip().toUpperCase(Locale.ROOT).equals(wanted));
    }
}
