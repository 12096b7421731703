package org.understudy.succession.api;

import org.understudy.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses instants given as query parameters: an ISO-8601 date-time with offset, or a date (its start, UTC). */
final class Instants {
    private Instants() {
    }

    /** The day of a date, or of an instant (UTC); null when not given. */
    static LocalDate day(String parameter, String value) {
        OffsetDateTime instant = parse(parameter, value);
        return instant == null ? null : instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    static OffsetDateTime parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw ApiProblem.badRequest(parameter, "'" + value + "' is not an ISO-8601 instant (e.g. 2026-06-30T12:00:00Z) or date");
            }
        }
    }
}
