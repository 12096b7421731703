package org.understudy.vacancy.events;

import org.understudy.events.VacancyState;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.Vacancy;
import org.understudy.vacancy.domain.VacancyTelemetry;

import java.time.LocalDate;

/** A vacancy's event state: its facts, its post and its telemetry as of a day. */
final class VacancyStates {
    private VacancyStates() {
    }

    static VacancyState of(Vacancy v, Post post, LocalDate today) {
        VacancyTelemetry t = VacancyTelemetry.of(v, today);
        return new VacancyState(v.vacancyId, v.postId, post.odsCode, post.role, v.status, v.closingDate, v.firstAdvertisedOn,
                v.readverts, t.applicationsReceived(), t.applicationsWithdrawn(), t.shortlistSize(),
                v.shortlist().stream().map(a -> a.candidateId).toList(), t.daysOpen(), v.appointedCandidateId,
                v.filledOn, t.timeToAppointDays(), v.closedOn);
    }
}
