package org.understudy.candidate.domain;

import org.understudy.events.FitAndProperStatus;
import org.understudy.events.Validity;

import java.time.LocalDate;

/**
 * The NHS England fit and proper person framework asks for a check at least every 12 months: a check
 * older than that has lapsed and no longer counts. The rule itself is the one every service uses
 * ({@link Validity}); here it answers for a candidate's current status and date.
 */
public final class FitAndProperRule {
    private FitAndProperRule() {
    }

    /**
     * The first day on which the last check counts as lapsed (12 months later, plus one day), or null when
     * no check holds at all: a FAILED check, or none made yet. A PENDING status with a date is a new check
     * in progress; the last one, of that date, lapses like any other.
     */
    public static LocalDate lapsesOn(FitAndProperStatus status, LocalDate checkedOn) {
        return Validity.fitAndProperEndsOn(status, checkedOn, Validity.FIT_AND_PROPER);
    }

    /** True when the last check is more than 12 months old on {@code today}; false for a FAILED check or none. */
    public static boolean lapsed(FitAndProperStatus status, LocalDate checkedOn, LocalDate today) {
        LocalDate lapsesOn = lapsesOn(status, checkedOn);
        return lapsesOn != null && !today.isBefore(lapsesOn);
    }
}
