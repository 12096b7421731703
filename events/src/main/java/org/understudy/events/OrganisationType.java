package org.understudy.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * Kind of organisation: the kinds of NHS trust (the NHS Staff Survey benchmarking groups, simplified),
 * and, from contract version 2, the bodies that oversee trusts: integrated care boards and NHS England's
 * regional teams. Oversight bodies are kept apart from trusts in every trust figure unless asked for.
 */
public enum OrganisationType {
    ACUTE, MENTAL_HEALTH, COMMUNITY, AMBULANCE, SPECIALIST, OTHER, INTEGRATED_CARE_BOARD, REGIONAL_TEAM;

    /** The kinds of trust. */
    public static final Set<OrganisationType> TRUSTS = Set.copyOf(EnumSet.of(ACUTE, MENTAL_HEALTH, COMMUNITY, AMBULANCE, SPECIALIST, OTHER));

    /** True for an integrated care board or a regional team. */
    public boolean oversees() {
        return !TRUSTS.contains(this);
    }
}
