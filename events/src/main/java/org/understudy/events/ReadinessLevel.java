package org.understudy.events;

/** How soon a candidate could take on a role (or a named post). */
public enum ReadinessLevel {
    READY_NOW, READY_1_2_YEARS, READY_3_PLUS, NOT_READY
}
