package org.understudy.vacancy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.VacancyStatus;
import org.understudy.platform.security.Roles;
import org.understudy.vacancy.domain.Incumbency;
import org.understudy.vacancy.domain.Organisation;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.Vacancy;
import org.understudy.vacancy.persistence.IncumbencyRepository;
import org.understudy.vacancy.persistence.OrganisationRepository;
import org.understudy.vacancy.persistence.PostRepository;
import org.understudy.vacancy.persistence.VacancyRepository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything succession-service derives from vacancy-service, in one read: the states the events
 * carry (organisations, posts) and each vacancy's figures. Used by succession-service's
 * reconciliation check to recompute the view from the source of truth instead of from the topic.
 */
@RolesAllowed({Roles.ADMIN})
@Path("/api/v1/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export", description = "Bulk reads for reconciliation")
public class ExportResource {
    @Inject
    OrganisationRepository organisations;

    @Inject
    PostRepository posts;

    @Inject
    IncumbencyRepository incumbencies;

    @Inject
    VacancyRepository vacancies;

    /** A vacancy's figures as the succession view counts them (no personal data: ids and counts). */
    public record VacancyFigures(UUID vacancyId, UUID postId, VacancyStatus status, int liveApplications, int shortlistSize) {
    }

    /** The whole export: event-carried states of organisations and posts, and vacancies' figures. */
    public record Export(List<OrganisationState> organisations, List<PostState> posts, List<VacancyFigures> vacancies) {
    }

    @GET
    // One transaction per request, as elsewhere; writes made meanwhile may show in part: reconcile when quiet.
    @Transactional
    @Operation(summary = "Export the state succession-service derives from this service",
            description = "Organisations and posts as their events carry them, and each vacancy's live applications and shortlist size. Admin only.")
    public Export export() {
        Map<UUID, Incumbency> current = incumbencies.list("until IS NULL").stream()
                .collect(Collectors.toMap(i -> i.postId, Function.identity(), (a, b) -> a));
        List<OrganisationState> orgs = organisations.listAll().stream().map(Organisation::toState).toList();
        List<PostState> postStates = posts.listAll().stream().map((Post p) -> p.toState(current.get(p.postId))).toList();
        List<VacancyFigures> figures = vacancies.find("SELECT DISTINCT v FROM Vacancy v LEFT JOIN FETCH v.applications").list().stream()
                .map((Vacancy v) -> new VacancyFigures(v.vacancyId, v.postId, v.status, v.liveApplications().size(), v.shortlist().size()))
                .toList();
        return new Export(orgs, postStates, figures);
    }
}
