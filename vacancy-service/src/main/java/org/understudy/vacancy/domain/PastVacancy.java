package org.understudy.vacancy.domain;

import org.understudy.events.VacancyStatus;
import org.understudy.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A recruitment as a client's records hold it, in the state it reached, with its own dates: what an
 * import brings in where the API would have taken each step on the day of the call.
 */
public record PastVacancy(VacancyStatus status, LocalDate closingDate, LocalDate firstAdvertisedOn, int readverts,
                          LocalDate closedOn, String closeReason, LocalDate filledOn, UUID appointedCandidateId,
                          Boolean appointmentInterim) {

    /** Refuses (400 naming the field) dates that do not fit the status or each other, or have not come yet. */
    public void check(LocalDate today) {
        if (status != VacancyStatus.DRAFT && firstAdvertisedOn == null) {
            throw ApiProblem.badRequest("firstAdvertisedOn", "firstAdvertisedOn: is required for a vacancy that was advertised (" + status + ")");
        }
        notFuture(firstAdvertisedOn, "firstAdvertisedOn", today);
        notFuture(closedOn, "closedOn", today);
        notFuture(filledOn, "filledOn", today);
        boolean closed = status == VacancyStatus.LAPSED || status == VacancyStatus.WITHDRAWN;
        if (closed != (closedOn != null)) {
            throw ApiProblem.badRequest("closedOn", "closedOn: is given exactly when the vacancy lapsed or was withdrawn");
        }
        if ((status == VacancyStatus.FILLED) != (filledOn != null)) {
            throw ApiProblem.badRequest("filledOn", "filledOn: is given exactly when the vacancy was filled");
        }
        if (status != VacancyStatus.FILLED && (appointedCandidateId != null || appointmentInterim != null)) {
            throw ApiProblem.badRequest("appointedCandidateId", "appointedCandidateId: only a filled vacancy has an appointment");
        }
        notBefore(closedOn, "closedOn");
        notBefore(filledOn, "filledOn");
        if (readverts < 0) {
            throw ApiProblem.badRequest("readverts", "readverts: must not be negative");
        }
    }

    private static void notFuture(LocalDate date, String field, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            throw ApiProblem.badRequest(field, field + ": " + date + " is in the future; an import holds what has happened");
        }
    }

    private void notBefore(LocalDate date, String field) {
        if (date != null && firstAdvertisedOn != null && date.isBefore(firstAdvertisedOn)) {
            throw ApiProblem.badRequest(field, field + ": " + date + " is before firstAdvertisedOn (" + firstAdvertisedOn + ")");
        }
    }
}
