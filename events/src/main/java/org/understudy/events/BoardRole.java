package org.understudy.events;

/** Roles on an NHS trust board. Succession is tracked for all; CEO and chair are the headline. */
public enum BoardRole {
    CHIEF_EXECUTIVE,
    CHAIR,
    CHIEF_FINANCIAL_OFFICER,
    CHIEF_MEDICAL_OFFICER,
    CHIEF_NURSE,
    CHIEF_OPERATING_OFFICER,
    NON_EXECUTIVE_DIRECTOR
}
