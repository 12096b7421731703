package org.understudy.candidate.domain;

import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;
import java.time.Period;

/**
 * The NHS England fit and proper person framework asks for a check at least every 12 months: a
 * PASSED check older than that has lapsed and no longer counts. Pure functions, so that the rule
 * is tested on its own.
 */
public final class FitAndProperRule {
    /** How long a passed check stays valid. */
    public static final Period VALIDITY = Period.ofMonths(12);

    private FitAndProperRule() {
    }

    /**
     * The first day on which a PASSED check made on {@code checkedOn} counts as lapsed (12 months
     * later, plus one day), or null when the status does not lapse (PENDING, FAILED) or no date is known.
     */
    public static LocalDate lapsesOn(FitAndProperStatus status, LocalDate checkedOn) {
        if (status != FitAndProperStatus.PASSED || checkedOn == null) {
            return null;
        }
        return checkedOn.plus(VALIDITY).plusDays(1);
    }

    /** True when a PASSED check is older than 12 months on {@code today}; false for any other status. */
    public static boolean lapsed(FitAndProperStatus status, LocalDate checkedOn, LocalDate today) {
        LocalDate lapsesOn = lapsesOn(status, checkedOn);
        return lapsesOn != null && !today.isBefore(lapsesOn);
    }
}
