package org.understudy.events;

/** Outcome of the NHS England fit and proper person assessment for board members. */
public enum FitAndProperStatus {
    PASSED, PENDING, FAILED
}
