package org.understudy.vacancy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.LeavingReason;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.VacancyStatus;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.vacancy.events.VacancyEventPublisher;
import org.understudy.vacancy.persistence.PostRepository;
import org.understudy.vacancy.persistence.VacancyRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs a vacancy through its life. Every change locks the vacancy, checks the caller's If-Match
 * version, and commits with its event in one transaction.
 */
@ApplicationScoped
public class VacancyService {
    @Inject
    VacancyRepository vacancies;

    @Inject
    PostRepository posts;

    @Inject
    IncumbentService incumbents;

    @Inject
    VacancyEventPublisher events;

    @Inject
    Clock clock;

    @Transactional
    public Vacancy create(UUID postId, LocalDate closingDate) {
        Post post = posts.findForUpdate(postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
        vacancies.activeFor(postId, null).ifPresent(other -> {
            throw ApiProblem.conflict("postId", "post " + postId + " already has a vacancy in play (" + other.vacancyId
                    + ", " + other.status + "); fill, withdraw or let it lapse first");
        });
        return created(post, vacancy -> {
            vacancy.status = VacancyStatus.DRAFT;
            vacancy.closingDate = closingDate;
            vacancy.readverts = 0;
        });
    }

    /** Moves the vacancy on (OPEN needs a closing date in the future; re-opening a closed one is a re-advert). */
    @Transactional
    public Vacancy changeStatus(UUID vacancyId, VacancyStatus target, LocalDate closingDate, String reason, Long expectedVersion) {
        Vacancy vacancy = load(vacancyId, expectedVersion);
        if (target == VacancyStatus.FILLED) {
            throw ApiProblem.badRequest("status", "a vacancy is filled by an appointment: POST /api/v1/vacancies/" + vacancyId + "/appointment");
        }
        LocalDate today = today();
        List<String> changed = new ArrayList<>(List.of("status"));
        if (target == VacancyStatus.OPEN) {
            LocalDate closing = closingDate != null ? closingDate : vacancy.closingDate;
            if (closing == null || !closing.isAfter(today)) {
                throw ApiProblem.badRequest("closingDate", "opening a vacancy needs a closing date after today (" + today + ")");
            }
            if (vacancy.status.canMoveTo(VacancyStatus.OPEN)) {
                vacancies.activeFor(vacancy.postId, vacancyId).ifPresent(other -> {
                    throw ApiProblem.conflict("postId", "the post already has a vacancy in play (" + other.vacancyId + ", " + other.status + ")");
                });
            }
            if (!closing.equals(vacancy.closingDate)) {
                changed.add("closingDate");
            }
            vacancy.closingDate = closing;
        } else if (closingDate != null) {
            throw ApiProblem.badRequest("closingDate", "a closing date is set only when the vacancy opens");
        }
        VacancyStatus before = vacancy.status;
        vacancy.moveTo(target, today);
        if (target == VacancyStatus.LAPSED || target == VacancyStatus.WITHDRAWN) {
            vacancy.closeReason = reason;
        }
        if (target == VacancyStatus.OPEN && (before == VacancyStatus.LAPSED || before == VacancyStatus.WITHDRAWN)) {
            changed.add("readverts");
        }
        return saved(vacancy, VacancyEventTypes.VACANCY_STATUS_CHANGED, changed);
    }

    @Transactional
    public Application apply(UUID vacancyId, UUID candidateId, LocalDate appliedOn, Long expectedVersion) {
        Vacancy vacancy = load(vacancyId, expectedVersion);
        if (vacancy.status != VacancyStatus.OPEN) {
            throw ApiProblem.conflict("status", "applications are received while the vacancy is OPEN; it is " + vacancy.status);
        }
        if (appliedOn.isAfter(today())) {
            throw ApiProblem.badRequest("appliedOn", "cannot be in the future");
        }
        Application application = received(vacancy, candidateId, appliedOn);
        saved(vacancy, VacancyEventTypes.VACANCY_APPLICATION_RECEIVED, List.of("applicationsReceived"));
        return application;
    }

    @Transactional
    public Vacancy withdrawApplication(UUID vacancyId, UUID applicationId, String reason, Long expectedVersion) {
        Vacancy vacancy = load(vacancyId, expectedVersion);
        Application application = vacancy.application(applicationId)
                .orElseThrow(() -> ApiProblem.notFound("applicationId", "no application " + applicationId + " to this vacancy"));
        if (!application.live()) {
            throw ApiProblem.conflict("applicationId", "the application was already withdrawn on " + application.withdrawnOn);
        }
        if (!vacancy.status.active()) {
            throw ApiProblem.conflict("status", "the vacancy is " + vacancy.status + "; its applications are final");
        }
        List<String> changed = new ArrayList<>(List.of("applicationsWithdrawn"));
        if (application.shortlisted) {
            changed.add("shortlist");
        }
        application.withdrawnOn = today();
        application.withdrawalReason = reason;
        application.shortlisted = false;
        return saved(vacancy, VacancyEventTypes.VACANCY_APPLICATION_WITHDRAWN, changed);
    }

    /** Replaces the shortlist with these live applications (while SHORTLISTING or INTERVIEWING). */
    @Transactional
    public Vacancy setShortlist(UUID vacancyId, List<UUID> applicationIds, Long expectedVersion) {
        Vacancy vacancy = load(vacancyId, expectedVersion);
        if (vacancy.status != VacancyStatus.SHORTLISTING && vacancy.status != VacancyStatus.INTERVIEWING) {
            throw ApiProblem.conflict("status", "the shortlist is set while SHORTLISTING or INTERVIEWING; the vacancy is " + vacancy.status);
        }
        Set<UUID> chosen = new HashSet<>();
        for (int i = 0; i < applicationIds.size(); i++) {
            UUID id = applicationIds.get(i);
            String field = "applicationIds[" + i + "]";
            Application application = vacancy.application(id)
                    .orElseThrow(() -> ApiProblem.notFound(field, "no application " + id + " to this vacancy"));
            if (!application.live()) {
                throw ApiProblem.conflict(field, "application " + id + " was withdrawn");
            }
            if (!chosen.add(id)) {
                throw ApiProblem.badRequest(field, "application " + id + " is listed twice");
            }
        }
        vacancy.applications.forEach(a -> a.shortlisted = chosen.contains(a.applicationId));
        return saved(vacancy, VacancyEventTypes.VACANCY_SHORTLIST_CHANGED, List.of("shortlist"));
    }

    /**
     * Appoints a shortlisted candidate: the vacancy is FILLED and the post's incumbent changes
     * (the previous one leaving for the given reason), each with its event, in one transaction.
     */
    @Transactional
    public Vacancy appoint(UUID vacancyId, UUID applicationId, LocalDate startDate, boolean interim,
                           LeavingReason previousLeftBecause, Long expectedVersion) {
        Vacancy vacancy = load(vacancyId, expectedVersion);
        Application application = vacancy.application(applicationId)
                .orElseThrow(() -> ApiProblem.notFound("applicationId", "no application " + applicationId + " to this vacancy"));
        if (!application.live() || !application.shortlisted) {
            throw ApiProblem.conflict("applicationId", "only a shortlisted, live application can be appointed");
        }
        vacancy.moveTo(VacancyStatus.FILLED, today());
        Post post = posts.findForUpdate(vacancy.postId).orElseThrow();
        incumbents.appoint(post, new IncumbentService.Person(application.candidateId, null), startDate, interim, previousLeftBecause);
        vacancy.appointedCandidateId = application.candidateId;
        vacancy.appointmentInterim = interim;
        vacancy.filledOn = today();
        return saved(vacancy, VacancyEventTypes.VACANCY_FILLED, List.of("status", "appointedCandidateId", "filledOn"));
    }

    /**
     * Records a recruitment from a client's past records, in the state it reached and with its own dates
     * (one vacancy.created event carrying all of it). One still in play needs its post to have no other.
     */
    @Transactional
    public Vacancy recordPast(UUID postId, PastVacancy past) {
        past.check(today());
        Post post = posts.findForUpdate(postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId));
        if (past.status().active()) {
            vacancies.activeFor(postId, null).ifPresent(other -> {
                throw ApiProblem.conflict("status", "post " + postId + " already has a vacancy in play (" + other.vacancyId
                        + ", " + other.status + "); a post has one at a time");
            });
        }
        return created(post, vacancy -> {
            vacancy.status = past.status();
            vacancy.closingDate = past.closingDate();
            vacancy.firstAdvertisedOn = past.firstAdvertisedOn();
            vacancy.readverts = past.readverts();
            vacancy.closedOn = past.closedOn();
            vacancy.closeReason = past.closeReason();
            vacancy.filledOn = past.filledOn();
            vacancy.appointedCandidateId = past.appointedCandidateId();
            vacancy.appointmentInterim = past.appointmentInterim();
        });
    }

    /**
     * Records an application from a client's past records, with its own dates, whatever the vacancy's
     * status now: applied on a day it was advertised, withdrawn (off the shortlist) on a day after.
     */
    @Transactional
    public Application recordPastApplication(UUID vacancyId, UUID candidateId, LocalDate appliedOn, LocalDate withdrawnOn,
                                             String withdrawalReason, boolean shortlisted) {
        Vacancy vacancy = load(vacancyId, null);
        LocalDate today = today();
        if (appliedOn.isAfter(today)) {
            throw ApiProblem.badRequest("appliedOn", "appliedOn: " + appliedOn + " is in the future; an import holds what has happened");
        }
        if (vacancy.firstAdvertisedOn == null || appliedOn.isBefore(vacancy.firstAdvertisedOn)) {
            throw ApiProblem.badRequest("appliedOn", "appliedOn: " + appliedOn + " is before the vacancy was advertised ("
                    + vacancy.firstAdvertisedOn + ")");
        }
        if (withdrawnOn != null && (withdrawnOn.isBefore(appliedOn) || withdrawnOn.isAfter(today))) {
            throw ApiProblem.badRequest("withdrawnOn", "withdrawnOn: " + withdrawnOn + " must fall between appliedOn and today");
        }
        if (withdrawnOn != null && shortlisted) {
            throw ApiProblem.badRequest("shortlisted", "shortlisted: a withdrawn application is off the shortlist");
        }
        Application application = received(vacancy, candidateId, appliedOn);
        application.withdrawnOn = withdrawnOn;
        application.withdrawalReason = withdrawalReason;
        application.shortlisted = shortlisted;
        List<String> changed = new ArrayList<>(List.of("applicationsReceived"));
        if (withdrawnOn != null) {
            changed.add("applicationsWithdrawn");
        }
        if (shortlisted) {
            changed.add("shortlist");
        }
        saved(vacancy, VacancyEventTypes.VACANCY_APPLICATION_RECEIVED, changed);
        return application;
    }

    public Vacancy get(UUID vacancyId) {
        return vacancies.findByIdOptional(vacancyId)
                .orElseThrow(() -> ApiProblem.notFound("vacancyId", "no vacancy with id " + vacancyId));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A new vacancy of the post, as {@code facts} fill it in, stored with its vacancy.created event. */
    private Vacancy created(Post post, Consumer<Vacancy> facts) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Vacancy vacancy = new Vacancy();
        vacancy.vacancyId = UUID.randomUUID();
        vacancy.postId = post.postId;
        vacancy.version = 1;
        vacancy.createdAt = now;
        vacancy.updatedAt = now;
        facts.accept(vacancy);
        vacancies.persistAndFlush(vacancy);
        events.vacancy(VacancyEventTypes.VACANCY_CREATED, vacancy, post, List.of("created"));
        return vacancy;
    }

    /** A new application to the vacancy (409 naming candidateId when the candidate has applied already). */
    private Application received(Vacancy vacancy, UUID candidateId, LocalDate appliedOn) {
        if (vacancy.applications.stream().anyMatch(a -> a.candidateId.equals(candidateId))) {
            throw ApiProblem.conflict("candidateId", "candidate " + candidateId + " has already applied to this vacancy");
        }
        Application application = new Application();
        application.applicationId = UUID.randomUUID();
        application.vacancy = vacancy;
        application.candidateId = candidateId;
        application.appliedOn = appliedOn;
        application.shortlisted = false;
        application.createdAt = OffsetDateTime.now(clock);
        vacancy.applications.add(application);
        return application;
    }

    private Vacancy load(UUID vacancyId, Long expectedVersion) {
        Vacancy vacancy = vacancies.findForUpdate(vacancyId)
                .orElseThrow(() -> ApiProblem.notFound("vacancyId", "no vacancy with id " + vacancyId));
        if (expectedVersion != null && expectedVersion != vacancy.version) {
            throw ApiProblem.conflict("If-Match", "vacancy " + vacancyId + " is at version " + vacancy.version
                    + ", not " + expectedVersion + "; read it again and retry");
        }
        return vacancy;
    }

    private Vacancy saved(Vacancy vacancy, String eventType, List<String> changed) {
        vacancy.changed(OffsetDateTime.now(clock));
        vacancies.flush();
        events.vacancy(eventType, vacancy, posts.findById(vacancy.postId), changed);
        return vacancy;
    }
}
