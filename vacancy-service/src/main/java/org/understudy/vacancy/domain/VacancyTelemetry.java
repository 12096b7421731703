package org.understudy.vacancy.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Market telemetry of a vacancy, derived (never stored) from its facts.
 *
 * @param daysOpen          days from first advertised to filled, closed, or today; null if never advertised
 * @param timeToAppointDays days from first advertised to filled; null until filled
 */
public record VacancyTelemetry(int applicationsReceived, int applicationsWithdrawn, int shortlistSize,
                               Integer daysOpen, int readverts, Integer timeToAppointDays) {

    public static VacancyTelemetry of(Vacancy vacancy, LocalDate today) {
        int received = vacancy.applications.size();
        int withdrawn = (int) vacancy.applications.stream().filter(a -> !a.live()).count();
        LocalDate end = vacancy.filledOn != null ? vacancy.filledOn : vacancy.closedOn != null ? vacancy.closedOn : today;
        return new VacancyTelemetry(received, withdrawn, vacancy.shortlist().size(),
                days(vacancy.firstAdvertisedOn, end), vacancy.readverts,
                vacancy.filledOn == null ? null : days(vacancy.firstAdvertisedOn, vacancy.filledOn));
    }

    private static Integer days(LocalDate from, LocalDate to) {
        return from == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
    }
}
