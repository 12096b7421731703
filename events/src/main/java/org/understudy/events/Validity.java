package org.understudy.events;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long a dated fact holds, one rule for every service: a fit-and-proper check holds for 12 months, a
 * readiness assessment for 18 (both configurable where they are used). "Months later" is the same day of
 * the month, or that month's last day when it has fewer: a check of 29 February 2024 holds through 28
 * February 2025, an assessment of 31 August 2023 through 29 February 2025. The fact stops holding the
 * day after.
 */
public final class Validity {
    /** How long a fit-and-proper check holds (NHS England's framework asks for one at least every 12 months). */
    public static final Period FIT_AND_PROPER = Period.ofMonths(12);
    /** How long a readiness assessment (or a nomination's readiness) holds before it goes stale. */
    public static final Period READINESS = Period.ofMonths(18);

    private Validity() {
    }

    /** The first day on which a fact dated {@code on}, holding for {@code period}, no longer holds. */
    public static LocalDate endsOn(LocalDate on, Period period) {
        return on.plus(period).plusDays(1);
    }

    /**
     * The first day on which a fit-and-proper check no longer holds, or null when it never holds: a FAILED
     * check, or none made yet (no date). A PENDING check with a date is a new check in progress: the last
     * check, of that date, holds as any other does.
     */
    public static LocalDate fitAndProperEndsOn(FitAndProperStatus status, LocalDate checkedOn, Period validFor) {
        if (status == FitAndProperStatus.FAILED || checkedOn == null) {
            return null;
        }
        return endsOn(checkedOn, validFor);
    }
}
