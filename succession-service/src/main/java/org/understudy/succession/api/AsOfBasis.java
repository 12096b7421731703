package org.understudy.succession.api;

import org.understudy.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an answer as of a past instant is based on: {@code recorded}, what the view showed then (its
 * history, as the events arrived: the answers a recorded assessment reproduces); {@code effective},
 * what the dated facts held now say was so that day, whenever they arrived.
 */
enum AsOfBasis {
    RECORDED, EFFECTIVE;

    static AsOfBasis parse(String value) {
        if (value == null || value.isBlank()) {
            return RECORDED;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("basis", "'" + value + "' is not one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    /** The day an effective answer is for: asOf's day (UTC), required, not after today. */
    static LocalDate effectiveDay(OffsetDateTime asOf, LocalDate today) {
        if (asOf == null) {
            throw ApiProblem.badRequest("asOf", "is required with basis=effective");
        }
        LocalDate day = asOf.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        if (day.isAfter(today)) {
            throw ApiProblem.badRequest("asOf", "must not be in the future (today is " + today + ")");
        }
        return day;
    }
}
