package org.understudy.vacancy.domain;

import org.junit.jupiter.api.Test;
import org.understudy.events.VacancyStatus;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class VacancyTelemetryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static Application application(boolean shortlisted, LocalDate withdrawnOn) {
        Application a = new Application();
        a.applicationId = UUID.randomUUID();
        a.candidateId = UUID.randomUUID();
        a.appliedOn = TODAY.minusDays(10);
        a.shortlisted = shortlisted;
        a.withdrawnOn = withdrawnOn;
        return a;
    }

    @Test
    void aDraftHasNotBeenOpen() {
        Vacancy v = new Vacancy();
        v.status = VacancyStatus.DRAFT;
        VacancyTelemetry t = VacancyTelemetry.of(v, TODAY);
        assertNull(t.daysOpen());
        assertNull(t.timeToAppointDays());
        assertEquals(0, t.applicationsReceived());
    }

    @Test
    void anOpenVacancyCountsDaysToTodayAndItsApplications() {
        Vacancy v = new Vacancy();
        v.status = VacancyStatus.INTERVIEWING;
        v.firstAdvertisedOn = TODAY.minusDays(45);
        v.readverts = 1;
        v.applications.add(application(true, null));
        v.applications.add(application(false, null));
        v.applications.add(application(true, TODAY.minusDays(2))); // withdrawn: off the shortlist
        VacancyTelemetry t = VacancyTelemetry.of(v, TODAY);
        assertEquals(45, t.daysOpen());
        assertEquals(3, t.applicationsReceived());
        assertEquals(1, t.applicationsWithdrawn());
        assertEquals(1, t.shortlistSize());
        assertEquals(1, t.readverts());
    }

    @Test
    void aFilledVacancyStopsCountingAtTheAppointment() {
        Vacancy v = new Vacancy();
        v.status = VacancyStatus.FILLED;
        v.firstAdvertisedOn = TODAY.minusDays(120);
        v.filledOn = TODAY.minusDays(20);
        VacancyTelemetry t = VacancyTelemetry.of(v, TODAY);
        assertEquals(100, t.daysOpen());
        assertEquals(100, t.timeToAppointDays());
    }
}
