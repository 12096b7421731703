package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.VacancyState;
import org.understudy.succession.events.AlertPublisher;
import org.understudy.succession.events.ViewChanges;
import org.understudy.succession.persistence.CandidateViewRepository;
import org.understudy.succession.persistence.OrganisationViewRepository;
import org.understudy.succession.persistence.PostCandidateStore;
import org.understudy.succession.persistence.PostSuccessionHistoryRepository;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.VacancyViewRepository;
import org.understudy.succession.persistence.ViewVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the stored view in step with the events, incrementally: each event re-evaluates only the
 * (post, candidate) pairs it can change, with the pure {@link SuccessionRules} as of the day the
 * event happened, then recounts the touched posts. Upserts go by aggregate version and ignore
 * anything not newer, so that replays, duplicates and reordering change nothing. Every change of a
 * post's numbers is kept in its history; a fall in replaceability raises an alert.
 */
@ApplicationScoped
public class SuccessionView {
    private static final long VIEW_LOCK = 0x5375_6363_6573_7369L;

    /** What caused a change of the view: an event (with its position) or the passing of time. */
    public record Cause(String name, OffsetDateTime at, EventPosition position) {
        public static Cause of(EventPosition position) {
            return new Cause(position.type(), position.time(), position);
        }

        public LocalDate day() {
            return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
    }

    @Inject
    OrganisationViewRepository organisations;

    @Inject
    PostSuccessionRepository posts;

    @Inject
    CandidateViewRepository candidates;

    @Inject
    VacancyViewRepository vacancies;

    @Inject
    PostCandidateStore contributions;

    @Inject
    PostSuccessionHistoryRepository history;

    @Inject
    SuccessionSettings settings;

    @Inject
    AlertPublisher alerts;

    @Inject
    ViewChanges changes;

    @Inject
    RebuildState rebuild;

    @Inject
    ViewVersion viewVersion;

    @Inject
    Clock clock;

    /**
     * Takes the view's write lock until the transaction ends. Every change of the view (both
     * consumers, the expiry sweep, a rebuild, and other instances sharing the database) runs under
     * it: a change reads what it depends on (posts, candidates) and writes counts derived from it,
     * so two changes at once could each miss the other's writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        posts.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", VIEW_LOCK).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyOrganisation(OrganisationState state, long version, Cause cause) {
        OrganisationView row = organisations.findByIdOptional(state.odsCode()).orElse(null);
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        boolean rulesChange = isNew || row.region != state.region() || row.organisationType != state.organisationType()
                || row.oversightSegment != state.oversightSegment();
        if (isNew) {
            row = new OrganisationView();
            row.odsCode = state.odsCode();
        }
        row.name = state.name();
        row.region = state.region();
        row.organisationType = state.organisationType();
        row.oversightSegment = state.oversightSegment();
        row.version = version;
        row.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            organisations.persist(row); // after filling it: an insert takes the state as it is at persist time
        }
        viewVersion.bump();
        if (rulesChange) {
            organisations.flush();
            List<UUID> affected = posts.postsOf(state.odsCode());
            affected.forEach(postId -> reevaluatePost(postId, cause.day()));
            recount(affected, cause, false);
        }
        return Applied.CHANGED;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyPost(PostState state, long version, Cause cause) {
        PostSuccession row = posts.findByIdOptional(state.postId()).orElse(null);
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        UUID incumbent = state.incumbent() == null ? null : state.incumbent().candidateId();
        boolean incumbentChanged = isNew || !Objects.equals(row.incumbentCandidateId, incumbent);
        if (isNew) {
            row = new PostSuccession();
            row.postId = state.postId();
            row.replaceability = settings.thresholds().classify(0);
        }
        row.odsCode = state.odsCode();
        row.role = state.role();
        row.version = version;
        row.incumbentCandidateId = incumbent;
        row.incumbentSince = state.incumbent() == null ? null : state.incumbent().since();
        row.incumbentInterim = state.incumbent() == null ? null : state.incumbent().interim();
        row.lastDepartureDate = state.lastDeparture() == null ? null : state.lastDeparture().date();
        row.lastDepartureReason = state.lastDeparture() == null ? null : state.lastDeparture().reason();
        row.interimCandidateId = state.interimCover() == null ? null : state.interimCover().candidateId();
        row.interimNamedOn = state.interimCover() == null ? null : state.interimCover().namedOn();
        reflect(row, cause);
        viewVersion.bump();
        if (isNew) {
            posts.persist(row);
            posts.flush();
        }
        if (incumbentChanged) {
            reevaluatePost(row.postId, cause.day());
        }
        refreshVacancyFields(row);
        recount(List.of(row.postId), cause, isNew);
        return Applied.CHANGED;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyVacancy(VacancyState state, long version, Cause cause) {
        VacancyView row = vacancies.findByIdOptional(state.vacancyId()).orElse(null);
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        if (isNew) {
            row = new VacancyView();
            row.vacancyId = state.vacancyId();
            row.createdAt = cause.at();
        }
        row.postId = state.postId();
        row.status = state.status();
        row.liveApplications = state.applicationsReceived() - state.applicationsWithdrawn();
        row.shortlistSize = state.shortlistSize();
        row.readverts = state.readverts();
        row.firstAdvertisedOn = state.firstAdvertisedOn();
        row.filledOn = state.filledOn();
        row.closedOn = state.closedOn();
        row.appointedCandidateId = state.appointedCandidateId();
        row.version = version;
        row.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            vacancies.persist(row);
        }
        vacancies.flush();
        PostSuccession post = posts.findById(state.postId());
        if (post != null) {
            refreshVacancyFields(post);
            recount(List.of(post.postId), cause, false);
        }
        return Applied.CHANGED;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyCandidate(CandidateState state, long version, Cause cause) {
        CandidateView row = candidates.findByIdOptional(state.candidateId()).orElse(null);
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        if (isNew) {
            row = new CandidateView();
            row.candidateId = state.candidateId();
        }
        boolean erased = state.status() == CandidateStatus.ERASED;
        row.status = state.status();
        row.fitStatus = state.fitAndProper().status();
        row.fitCheckedOn = erased ? null : state.fitAndProper().checkedOn();
        row.regions = erased ? "" : CandidateViewRepository.csv(state.mobility().regions());
        row.organisationTypes = erased ? "" : CandidateViewRepository.csv(state.mobility().organisationTypes());
        row.considersChallenged = !erased && state.mobility().considersChallengedOrganisations();
        row.version = version;
        row.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            candidates.persist(row);
        }
        candidates.flush();
        candidates.replaceDetails(state.candidateId(), state, !erased);
        viewVersion.bump();

        Set<UUID> affected = new LinkedHashSet<>(contributions.postsCounting(state.candidateId()));
        if (state.status() == CandidateStatus.ACTIVE) {
            state.nominations().forEach(n -> affected.add(n.postId()));
            Set<BoardRole> roles = EnumSet.noneOf(BoardRole.class);
            state.readiness().stream()
                    .filter(r -> r.level() == ReadinessLevel.READY_NOW || r.level() == ReadinessLevel.READY_1_2_YEARS)
                    .forEach(r -> roles.add(r.role()));
            affected.addAll(posts.poolPosts(roles, Set.copyOf(state.mobility().regions()), Set.copyOf(state.mobility().organisationTypes())));
        }
        CandidateFacts facts = candidates.facts(List.of(state.candidateId())).get(state.candidateId());
        Map<UUID, PostFacts> postFacts = postFacts(affected);
        for (PostFacts post : postFacts.values()) {
            contributions.put(post.postId(), state.candidateId(), settings.rules().evaluate(post, facts, cause.day()));
        }
        recount(postFacts.keySet(), cause, false);
        return Applied.CHANGED;
    }

    /**
     * Lets time pass up to (and including) a day: contributions whose assessment went stale or whose
     * fit-and-proper check lapsed are re-evaluated as of the day they expired.
     *
     * @return how many (post, candidate) pairs were re-evaluated
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int expireUpTo(LocalDate day) {
        lock();
        int total = 0;
        while (true) {
            List<PostCandidateStore.Expiring> due = contributions.expiringBy(day, 1_000);
            if (due.isEmpty()) {
                return total;
            }
            viewVersion.bump();
            LocalDate first = due.get(0).expiresOn();
            List<PostCandidateStore.Expiring> sameDay = due.stream().filter(e -> e.expiresOn().equals(first)).toList();
            Set<UUID> postIds = new LinkedHashSet<>();
            Set<UUID> candidateIds = new LinkedHashSet<>();
            sameDay.forEach(e -> {
                postIds.add(e.postId());
                candidateIds.add(e.candidateId());
            });
            Map<UUID, PostFacts> postFacts = postFacts(postIds);
            Map<UUID, CandidateFacts> candidateFacts = candidates.facts(candidateIds);
            for (PostCandidateStore.Expiring e : sameDay) {
                PostFacts post = postFacts.get(e.postId());
                CandidateFacts candidate = candidateFacts.get(e.candidateId());
                Contribution c = post == null || candidate == null ? Contribution.NONE
                        : settings.rules().evaluate(post, candidate, first);
                if (c.counts() && !c.expiresOn().isAfter(first)) {
                    c = Contribution.NONE; // defensive: never loop on a pair that does not move forward
                }
                contributions.put(e.postId(), e.candidateId(), c);
            }
            recount(postIds, new Cause("assessment-expired", first.atStartOfDay().atOffset(ZoneOffset.UTC), null), false);
            total += sameDay.size();
        }
    }

    /** Re-evaluates every candidate who might count for a post (after the post or its organisation changed). */
    private void reevaluatePost(UUID postId, LocalDate day) {
        PostFacts post = postFacts(List.of(postId)).get(postId);
        if (post == null) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>(candidates.nominatedFor(postId));
        ids.addAll(candidates.poolCandidates(post.role(), post.region(), post.organisationType()));
        Map<UUID, Contribution> byCandidate = new HashMap<>();
        candidates.facts(ids).forEach((id, facts) -> byCandidate.put(id, settings.rules().evaluate(post, facts, day)));
        contributions.replaceForPost(postId, byCandidate);
    }

    private Map<UUID, PostFacts> postFacts(Collection<UUID> postIds) {
        Map<UUID, PostFacts> out = new HashMap<>();
        for (UUID id : postIds) {
            PostSuccessionRepository.Row row = posts.findRow(id);
            if (row != null) {
                OrganisationView o = row.organisation();
                out.put(id, new PostFacts(id, row.post().role, o == null ? null : o.region, o == null ? null : o.organisationType,
                        o == null ? null : o.oversightSegment, row.post().incumbentCandidateId));
            }
        }
        return out;
    }

    private void refreshVacancyFields(PostSuccession post) {
        List<VacancyView> all = vacancies.forPost(post.postId);
        VacancyView open = all.stream().filter(v -> v.status.active()).findFirst().orElse(null);
        VacancyView latest = all.isEmpty() ? null : all.get(0);
        post.openVacancyId = open == null ? null : open.vacancyId;
        post.applicants = open == null ? null : open.liveApplications;
        post.shortlisted = open == null ? null : open.shortlistSize;
        post.latestVacancyId = latest == null ? null : latest.vacancyId;
        post.lastShortlistSize = latest == null ? null : latest.shortlistSize;
    }

    /**
     * Recounts the posts from their stored contributions; each whose numbers (or vacancy figures)
     * changed gets a history row, and an alert if its replaceability fell.
     */
    private void recount(Collection<UUID> postIds, Cause cause, boolean forceHistory) {
        posts.flush();
        Map<UUID, SuccessionNumbers> counted = contributions.count(postIds);
        for (UUID postId : postIds) {
            PostSuccessionRepository.Row row = posts.findRow(postId);
            if (row == null) {
                continue;
            }
            PostSuccession post = row.post();
            SuccessionNumbers numbers = counted.getOrDefault(postId, SuccessionNumbers.ZERO);
            Replaceability before = post.replaceability;
            Replaceability after = settings.thresholds().classify(numbers.readyNow());
            PostSuccessionHistory last = lastHistory(postId);
            boolean changed = forceHistory || last == null || !numbers.equals(post.numbers()) || before != after
                    || !Objects.equals(last.applicants, post.applicants) || !Objects.equals(last.shortlisted, post.shortlisted)
                    || !Objects.equals(last.lastShortlistSize, post.lastShortlistSize)
                    || !Objects.equals(last.incumbentCandidateId, post.incumbentCandidateId)
                    || !Objects.equals(last.interimCandidateId, post.interimCandidateId)
                    || !Objects.equals(last.interimNamedOn, post.interimNamedOn);
            if (!changed) {
                continue;
            }
            post.readyNow = numbers.readyNow();
            post.readySoon = numbers.readySoon();
            post.namedReadyNow = numbers.namedReadyNow();
            post.poolReadyNow = numbers.poolReadyNow();
            post.replaceability = after;
            reflect(post, cause);
            recordHistory(post, cause, last);
            changes.changed(postId);
            if (!rebuild.rebuilding() && settings.alertRule().alerts(last == null ? null : before, after,
                    row.organisation() == null ? null : row.organisation().oversightSegment)) {
                alerts.replaceabilityFell(post, row.organisation(), before, cause.at(), cause.name(), historyCount(postId));
            }
        }
    }

    private void reflect(PostSuccession row, Cause cause) {
        if (cause.position() != null) {
            row.lastEventId = cause.position().eventId();
            row.lastTopic = cause.position().topic();
            row.lastPartition = cause.position().partition();
            row.lastOffset = cause.position().offset();
        }
        row.updatedAt = OffsetDateTime.now(clock);
    }

    /**
     * Writes the post's new numbers to its history. A post's history never goes back in time: two
     * events about one post can be applied out of time order (different partitions or topics), and a
     * row stamped before the previous one would make as-of answers after it show stale numbers; such
     * a row takes effect when the previous one did.
     */
    private void recordHistory(PostSuccession post, Cause cause, PostSuccessionHistory previous) {
        PostSuccessionHistory h = new PostSuccessionHistory();
        h.postId = post.postId;
        h.effectiveAt = previous != null && previous.effectiveAt.isAfter(cause.at()) ? previous.effectiveAt : cause.at();
        h.cause = cause.name();
        if (cause.position() != null) {
            h.eventId = cause.position().eventId();
            h.eventTopic = cause.position().topic();
            h.eventPartition = cause.position().partition();
            h.eventOffset = cause.position().offset();
        }
        h.readyNow = post.readyNow;
        h.readySoon = post.readySoon;
        h.namedReadyNow = post.namedReadyNow;
        h.poolReadyNow = post.poolReadyNow;
        h.replaceability = post.replaceability;
        h.applicants = post.applicants;
        h.shortlisted = post.shortlisted;
        h.lastShortlistSize = post.lastShortlistSize;
        h.incumbentCandidateId = post.incumbentCandidateId;
        h.interimCandidateId = post.interimCandidateId;
        h.interimNamedOn = post.interimNamedOn;
        this.history.persist(h);
    }

    private PostSuccessionHistory lastHistory(UUID postId) {
        return history.lastWritten(postId);
    }

    private long historyCount(UUID postId) {
        return history.count("postId", postId);
    }
}
