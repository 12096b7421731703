package org.understudy.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a vacancy and its market telemetry, as carried in vacancy events. Candidates
 * appear only as ids.
 *
 * @param daysOpen          days from first advertised to filled, closed, or the event's date
 * @param timeToAppointDays days from first advertised to the appointment (null until filled)
 */
public record VacancyState(
        UUID vacancyId,
        UUID postId,
        String odsCode,
        BoardRole role,
        VacancyStatus status,
        LocalDate closingDate,
        LocalDate firstAdvertisedOn,
        int readverts,
        int applicationsReceived,
        int applicationsWithdrawn,
        int shortlistSize,
        List<UUID> shortlistedCandidateIds,
        Integer daysOpen,
        UUID appointedCandidateId,
        LocalDate filledOn,
        Integer timeToAppointDays,
        LocalDate closedOn) {
}
