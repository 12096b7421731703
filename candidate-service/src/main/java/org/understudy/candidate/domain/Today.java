package org.understudy.candidate.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.platform.problem.ApiProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today's date where the service's users are (config {@code understudy.candidate.time-zone},
 * default Europe/London), so that "not in the future" means what a user in England expects just
 * after midnight; and the date checks every dated input goes through.
 */
@ApplicationScoped
public class Today {
    /** No assessment, check or exit before this date is plausible. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    @Inject
    Clock clock;

    @ConfigProperty(name = "understudy.candidate.time-zone", defaultValue = "Europe/London")
    ZoneId zone;

    public LocalDate date() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Refuses (400, naming the field) a date in the future or implausibly old. */
    public LocalDate requirePast(LocalDate date, String field) {
        LocalDate today = date();
        if (date.isAfter(today)) {
            throw ApiProblem.badRequest(field, field + ": must not be in the future (today is " + today + ")");
        }
        if (date.isBefore(EARLIEST)) {
            throw ApiProblem.badRequest(field, field + ": must be on or after " + EARLIEST);
        }
        return date;
    }
}
