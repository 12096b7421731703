package org.understudy.events;

/**
 * Roles on an NHS board: a trust's, an integrated care board's (the same roles), and NHS England's
 * regional teams' regional director (from contract version 2). Succession is tracked for all; CEO and
 * chair are the headline.
 */
public enum BoardRole {
    CHIEF_EXECUTIVE,
    CHAIR,
    CHIEF_FINANCIAL_OFFICER,
    CHIEF_MEDICAL_OFFICER,
    CHIEF_NURSE,
    CHIEF_OPERATING_OFFICER,
    NON_EXECUTIVE_DIRECTOR,
    REGIONAL_DIRECTOR
}
