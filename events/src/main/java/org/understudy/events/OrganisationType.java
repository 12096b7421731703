package org.understudy.events;

/** Kind of NHS trust (the NHS Staff Survey benchmarking groups, simplified). */
public enum OrganisationType {
    ACUTE, MENTAL_HEALTH, COMMUNITY, AMBULANCE, SPECIALIST, OTHER
}
