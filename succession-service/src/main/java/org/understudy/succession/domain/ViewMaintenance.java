package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.OrganisationState;
import org.understudy.events.OrganisationType;
import org.understudy.events.PostState;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.VacancyState;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps a view in step with the events, incrementally: each event re-evaluates only the (post,
 * candidate) pairs it can change, with the pure {@link SuccessionRules} as of the day the event
 * happened, then recounts the touched posts. Upserts go by aggregate version and ignore anything not
 * newer, so that replays, duplicates and reordering change nothing. Every change of a post's numbers
 * is kept in its history; a fall in replaceability is told to the listener.
 *
 * <p>The same algorithm runs on the database (live consumers, through {@link SuccessionView}) and in
 * memory (a rebuild): where the view is kept is the {@link ViewStore}'s business, so a rebuilt view is
 * the live one by construction, not by a second copy of the rules.
 */
public final class ViewMaintenance {

    /** What caused a change of the view: an event (with its position) or the passing of time. */
    public record Cause(String name, OffsetDateTime at, EventPosition position) {
        public static Cause of(EventPosition position) {
            return new Cause(position.type(), position.time(), position);
        }

        public LocalDate day() {
            return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
    }

    private final ViewStore store;
    private final ViewListener listener;
    private final SuccessionRules rules;
    private final ReplaceabilityThresholds thresholds;
    private final AlertRule alertRule;
    private final Clock clock;

    public ViewMaintenance(ViewStore store, ViewListener listener, SuccessionSettings settings, Clock clock) {
        this(store, listener, settings.rules(), settings.thresholds(), settings.alertRule(), clock);
    }

    public ViewMaintenance(ViewStore store, ViewListener listener, SuccessionRules rules, ReplaceabilityThresholds thresholds,
                           AlertRule alertRule, Clock clock) {
        this.store = store;
        this.listener = listener;
        this.rules = rules;
        this.thresholds = thresholds;
        this.alertRule = alertRule;
        this.clock = clock;
    }

    public ViewStore store() {
        return store;
    }

    /** The latest day the view has reached (null before any). */
    private LocalDate day;

    /**
     * The view's day once it has reached this one: the later of the two. Everything is counted as of
     * the latest day the view has reached, so an event that happened earlier but arrives later (on
     * another topic) does not count assessments made since as not yet made.
     */
    private LocalDate reach(LocalDate d) {
        if (day == null || d.isAfter(day)) {
            day = d;
        }
        return day;
    }

    public Applied applyOrganisation(OrganisationState state, long version, Cause cause) {
        OrganisationView row = store.organisation(state.odsCode());
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
            store.add(row); // after filling it: an insert takes the state as it is when added
        }
        store.versionMoved();
        if (rulesChange) {
            store.flush();
            List<UUID> affected = store.postsOf(state.odsCode());
            affected.forEach(postId -> reevaluatePost(postId, reach(cause.day())));
            recount(affected, cause, false);
        }
        return Applied.CHANGED;
    }

    public Applied applyPost(PostState state, long version, Cause cause) {
        PostSuccession row = store.post(state.postId());
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        UUID incumbent = state.incumbent() == null ? null : state.incumbent().candidateId();
        boolean incumbentChanged = isNew || !Objects.equals(row.incumbentCandidateId, incumbent);
        if (isNew) {
            row = new PostSuccession();
            row.postId = state.postId();
            row.replaceability = thresholds.classify(0);
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
        store.versionMoved();
        if (isNew) {
            store.add(row);
            store.flush();
        }
        if (incumbentChanged) {
            reevaluatePost(row.postId, reach(cause.day()));
        }
        refreshVacancyFields(row);
        recount(List.of(row.postId), cause, isNew);
        return Applied.CHANGED;
    }

    public Applied applyVacancy(VacancyState state, long version, Cause cause) {
        VacancyView row = store.vacancy(state.vacancyId());
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
            store.add(row);
        }
        store.versionMoved(); // the post's vacancy figures are part of the view's answers
        store.flush();
        PostSuccession post = store.post(state.postId());
        if (post != null) {
            refreshVacancyFields(post);
            recount(List.of(post.postId), cause, false);
        }
        return Applied.CHANGED;
    }

    public Applied applyCandidate(CandidateState state, long version, Cause cause) {
        CandidateView row = store.candidate(state.candidateId());
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
        row.regions = erased ? "" : CandidateView.csv(state.mobility().regions());
        row.organisationTypes = erased ? "" : CandidateView.csv(state.mobility().organisationTypes());
        row.considersChallenged = !erased && state.mobility().considersChallengedOrganisations();
        row.version = version;
        row.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            store.add(row);
        }
        store.flush();
        store.replaceCandidateDetails(state.candidateId(), state, !erased);
        store.versionMoved();

        Set<UUID> affected = new LinkedHashSet<>(store.postsCounting(state.candidateId()));
        if (state.status() == CandidateStatus.ACTIVE) {
            state.nominations().forEach(n -> affected.add(n.postId()));
            Set<BoardRole> roles = EnumSet.noneOf(BoardRole.class);
            state.readiness().stream()
                    .filter(r -> r.level() == ReadinessLevel.READY_NOW || r.level() == ReadinessLevel.READY_1_2_YEARS)
                    .forEach(r -> roles.add(r.role()));
            affected.addAll(store.poolPosts(roles, Set.copyOf(state.mobility().regions()), Set.copyOf(state.mobility().organisationTypes())));
        }
        CandidateFacts facts = factsOf(row, state, !erased);
        Map<UUID, PostSuccession> rows = store.posts(affected);
        Map<UUID, PostFacts> postFacts = postFacts(affected, rows);
        Map<UUID, Contribution> byPost = new LinkedHashMap<>();
        for (PostFacts post : postFacts.values()) {
            byPost.put(post.postId(), rules.evaluate(post, facts, reach(cause.day())));
        }
        store.putContributions(state.candidateId(), byPost);
        recount(postFacts.keySet(), rows, cause, false);
        return Applied.CHANGED;
    }

    /**
     * The rules' view of a candidate just stored from this state: what {@link ViewStore#candidateFacts}
     * would read back (the details are kept only when the candidate is not erased), without reading.
     */
    static CandidateFacts factsOf(CandidateView row, CandidateState state, boolean detailsKept) {
        Map<BoardRole, CandidateFacts.Assessment> readiness = new EnumMap<>(BoardRole.class);
        Map<UUID, CandidateFacts.Assessment> nominations = new HashMap<>();
        if (detailsKept) {
            state.readiness().forEach(r -> readiness.put(r.role(), new CandidateFacts.Assessment(r.level(), r.assessedOn())));
            state.nominations().forEach(n -> nominations.put(n.postId(), new CandidateFacts.Assessment(n.readiness(), n.nominatedOn())));
        }
        return new CandidateFacts(row.candidateId, row.status, row.fitStatus, row.fitCheckedOn,
                CandidateView.enums(row.regions, Region.class), CandidateView.enums(row.organisationTypes, OrganisationType.class),
                row.considersChallenged, readiness, nominations);
    }

    /**
     * Lets time pass up to (and including) a day: contributions whose assessment went stale or whose
     * fit-and-proper check lapsed are re-evaluated as of the day they expired, one day at a time (all
     * the pairs of a day together, so a post gets one history row per day of expiries).
     *
     * @return how many (post, candidate) pairs were re-evaluated
     */
    public int expireUpTo(LocalDate day) {
        store.lock();
        int total = 0;
        while (true) {
            List<ViewStore.Expiring> sameDay = store.firstExpiringBy(day);
            if (sameDay.isEmpty()) {
                reach(day);
                return total;
            }
            store.versionMoved();
            LocalDate first = sameDay.get(0).expiresOn();
            Set<UUID> postIds = new LinkedHashSet<>();
            Set<UUID> candidateIds = new LinkedHashSet<>();
            sameDay.forEach(e -> {
                postIds.add(e.postId());
                candidateIds.add(e.candidateId());
            });
            Map<UUID, PostFacts> postFacts = postFacts(postIds);
            Map<UUID, CandidateFacts> candidateFacts = store.candidateFacts(candidateIds);
            for (ViewStore.Expiring e : sameDay) {
                PostFacts post = postFacts.get(e.postId());
                CandidateFacts candidate = candidateFacts.get(e.candidateId());
                Contribution c = post == null || candidate == null ? Contribution.NONE : rules.evaluate(post, candidate, first);
                if (c.counts() && !c.expiresOn().isAfter(first)) {
                    c = Contribution.NONE; // defensive: never loop on a pair that does not move forward
                }
                store.putContribution(e.postId(), e.candidateId(), c);
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
        Set<UUID> ids = new LinkedHashSet<>(store.nominatedFor(postId));
        ids.addAll(store.poolCandidates(post.role(), post.region(), post.organisationType()));
        Map<UUID, Contribution> byCandidate = new HashMap<>();
        store.candidateFacts(ids).forEach((id, facts) -> byCandidate.put(id, rules.evaluate(post, facts, day)));
        store.replaceContributions(postId, byCandidate);
    }

    private Map<UUID, PostFacts> postFacts(Collection<UUID> postIds) {
        return postFacts(postIds, store.posts(postIds));
    }

    private Map<UUID, PostFacts> postFacts(Collection<UUID> postIds, Map<UUID, PostSuccession> rows) {
        Map<UUID, PostFacts> out = new HashMap<>();
        Set<String> codes = new HashSet<>();
        rows.values().forEach(p -> {
            if (p.odsCode != null) {
                codes.add(p.odsCode);
            }
        });
        Map<String, OrganisationView> organisations = store.organisations(codes);
        for (UUID id : postIds) {
            PostSuccession post = rows.get(id);
            if (post != null) {
                OrganisationView o = organisations.get(post.odsCode);
                out.put(id, new PostFacts(id, post.role, o == null ? null : o.region, o == null ? null : o.organisationType,
                        o == null ? null : o.oversightSegment, post.incumbentCandidateId));
            }
        }
        return out;
    }

    private void refreshVacancyFields(PostSuccession post) {
        List<VacancyView> all = store.vacanciesOf(post.postId);
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
        recount(postIds, null, cause, forceHistory);
    }

    /** @param loaded the posts' rows when the caller has them all already (else null: they are read) */
    private void recount(Collection<UUID> postIds, Map<UUID, PostSuccession> loaded, Cause cause, boolean forceHistory) {
        store.flush();
        Map<UUID, SuccessionNumbers> counted = store.count(postIds);
        Map<UUID, PostSuccession> rows = loaded != null ? loaded : store.posts(postIds);
        Map<UUID, PostSuccessionHistory> lastRows = store.lastHistories(rows.keySet());
        List<Recounted> recounted = new ArrayList<>();
        for (UUID postId : postIds) {
            PostSuccession post = rows.get(postId);
            if (post == null) {
                continue;
            }
            SuccessionNumbers numbers = counted.getOrDefault(postId, SuccessionNumbers.ZERO);
            Replaceability before = post.replaceability;
            Replaceability after = thresholds.classify(numbers.readyNow());
            PostSuccessionHistory last = lastRows.get(postId);
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
            recounted.add(new Recounted(post, before, last == null, history(post, cause, last)));
        }
        // All the rows first (one batch), then the listeners: an alert's sequence counts its own row.
        store.addHistory(recounted.stream().map(Recounted::row).toList());
        for (Recounted c : recounted) {
            listener.changed(c.post());
            if (listener != ViewListener.NONE) {
                OrganisationView organisation = store.organisation(c.post().odsCode);
                if (alertRule.alerts(c.first() ? null : c.before(), c.post().replaceability,
                        organisation == null ? null : organisation.oversightSegment)) {
                    listener.replaceabilityFell(c.post(), organisation, c.before(), c.row().effectiveAt, cause.name(),
                            store.historyCount(c.post().postId));
                }
            }
        }
    }

    /** A post whose numbers changed: its replaceability before, whether it had no history yet, its new row. */
    private record Recounted(PostSuccession post, Replaceability before, boolean first, PostSuccessionHistory row) {
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
     * The history row of the post's new numbers. A post's history never goes back in time: two
     * events about one post can be applied out of time order (different partitions or topics), and a
     * row stamped before the previous one would make as-of answers after it show stale numbers; such
     * a row takes effect when the previous one did.
     */
    private static PostSuccessionHistory history(PostSuccession post, Cause cause, PostSuccessionHistory previous) {
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
        return h;
    }
}
