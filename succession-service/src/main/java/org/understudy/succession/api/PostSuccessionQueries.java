package org.understudy.succession.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.platform.api.PageResponse;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.SuccessionSummary;
import org.understudy.succession.domain.VacancyView;
import org.understudy.succession.persistence.LivePostRows;
import org.understudy.succession.persistence.OrganisationViewRepository;
import org.understudy.succession.persistence.PostSuccessionHistoryRepository;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.VacancyViewRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Assembles post responses from the stored view, live or as of an instant (from history). */
@ApplicationScoped
public class PostSuccessionQueries {
    @Inject
    PostSuccessionRepository posts;

    @Inject
    LivePostRows liveRows;

    @Inject
    PostSuccessionHistoryRepository history;

    @Inject
    OrganisationViewRepository organisations;

    @Inject
    VacancyViewRepository vacancies;

    @Inject
    Clock clock;

    /** The live answer for a post (plain SQL, no entities), or null when no event about it has arrived. */
    public PostSuccessionResponse live(UUID postId) {
        LivePostRows.Row row = liveRows.find(postId);
        return row == null ? null : live(row, LocalDate.now(clock));
    }

    /** The live answers for these posts (plain SQL, no entities), in no particular order; unknown ids are left out. */
    public List<PostSuccessionResponse> liveByIds(Collection<UUID> postIds) {
        LocalDate today = LocalDate.now(clock);
        return liveRows.findAll(postIds).stream().map(r -> live(r, today)).toList();
    }

    /** A page of the live list (plain SQL, no entities) in the given SQL order, with the number of all matches. */
    public PageResponse<PostSuccessionResponse> live(PostSuccessionRepository.Filter filter, String orderBySql, int page, int size) {
        LivePostRows.Page found = liveRows.search(filter, orderBySql, page, size);
        LocalDate today = LocalDate.now(clock);
        List<PostSuccessionResponse> items = new ArrayList<>(found.rows().size());
        for (LivePostRows.Row row : found.rows()) {
            items.add(live(row, today));
        }
        return new PageResponse<>(items, page, size, found.total());
    }

    /** Live responses for rows already loaded with their organisations. */
    public List<PostSuccessionResponse> live(List<PostSuccessionRepository.Row> rows) {
        Map<UUID, VacancyView> latest = vacanciesById(rows.stream().map(r -> r.post().latestVacancyId).filter(Objects::nonNull).toList());
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(r -> live(r, r.post().latestVacancyId == null ? null : latest.get(r.post().latestVacancyId), today)).toList();
    }

    /** Responses as of an instant for these rows (current organisation details; numbers from history). */
    public PostSuccessionResponse asOf(PostSuccessionRepository.Row row, PostSuccessionHistory h, OffsetDateTime instant) {
        PostSuccession p = row.post();
        OrganisationView o = row.organisation();
        LocalDate day = instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        boolean sameIncumbent = Objects.equals(h.incumbentCandidateId, p.incumbentCandidateId);
        return new PostSuccessionResponse(p.postId, p.odsCode, o == null ? null : o.name, o == null ? null : o.region,
                o == null ? null : o.organisationType, o == null ? null : o.oversightSegment,
                o == null ? null : o.integratedCareBoardCode, p.role,
                h.readyNow, h.readySoon, h.namedReadyNow, h.poolReadyNow, h.readyNow, h.replaceability,
                new PostSuccessionResponse.Incumbent(h.incumbentCandidateId, sameIncumbent ? p.incumbentSince : null,
                        sameIncumbent ? p.incumbentInterim : null, null),
                null,
                PostSuccessionResponse.InterimCover.of(h.interimCandidateId, h.interimNamedOn),
                new PostSuccessionResponse.VacancyTelemetry(null, h.applicants, h.shortlisted, h.lastShortlistSize, null, null),
                new PostSuccessionResponse.Reflects(h.eventId, h.eventTopic, h.eventPartition, h.eventOffset),
                h.effectiveAt, instant);
    }

    /** Every post as of an instant, keyed by post id (posts not yet known then are absent). */
    public Map<UUID, PostSuccessionResponse> allAsOf(OffsetDateTime instant) {
        Map<UUID, PostSuccessionHistory> byPost = history.asOfAll(instant);
        if (byPost.isEmpty()) {
            return Map.of();
        }
        return posts.rows(byPost.keySet()).stream()
                .collect(Collectors.toMap(r -> r.post().postId, r -> asOf(r, byPost.get(r.post().postId), instant)));
    }

    private PostSuccessionResponse live(PostSuccessionRepository.Row row, VacancyView latest, LocalDate today) {
        return live(LivePostRows.Row.of(row.post(), row.organisation(), latest), today);
    }

    /** A live answer from its row: the one mapping of both read paths, so that they cannot drift apart. */
    static PostSuccessionResponse live(LivePostRows.Row p, LocalDate today) {
        PostSuccessionResponse.Incumbent incumbent = p.incumbentSince() == null ? null
                : new PostSuccessionResponse.Incumbent(p.incumbentCandidateId(), p.incumbentSince(), p.incumbentInterim(),
                ChronoUnit.DAYS.between(p.incumbentSince(), today));
        PostSuccessionResponse.Departure departure = p.lastDepartureDate() == null ? null
                : new PostSuccessionResponse.Departure(p.lastDepartureDate(), p.lastDepartureReason());
        Integer daysVacant = p.hasLatestVacancy()
                ? SuccessionSummary.daysVacant(p.firstAdvertisedOn(), p.filledOn(), p.closedOn(), today) : null;
        return new PostSuccessionResponse(p.postId(), p.odsCode(), p.organisationName(), p.region(), p.organisationType(),
                p.oversightSegment(), p.integratedCareBoardCode(), p.role(), p.readyNow(), p.readySoon(), p.namedReadyNow(), p.poolReadyNow(), p.readyNow(),
                p.replaceability(), incumbent, departure,
                PostSuccessionResponse.InterimCover.of(p.interimCandidateId(), p.interimNamedOn()),
                new PostSuccessionResponse.VacancyTelemetry(p.openVacancyId(), p.applicants(), p.shortlisted(), p.lastShortlistSize(),
                        daysVacant, p.readverts()),
                new PostSuccessionResponse.Reflects(p.lastEventId(), p.lastTopic(), p.lastPartition(), p.lastOffset()),
                p.updatedAt(), null);
    }

    private Map<UUID, VacancyView> vacanciesById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return vacancies.list("vacancyId IN ?1", Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(v -> v.vacancyId, Function.identity()));
    }
}
