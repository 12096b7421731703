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
 * Keeps the view in step with the events, incrementally: each event re-evaluates only the (post,
 * candidate) pairs it can change, with the pure {@link SuccessionRules} as of the view's day, then
 * recounts the touched posts. Upserts go by aggregate version and ignore anything not newer, so that
 * replays, duplicates and reordering change nothing. Every change of a post's numbers is kept in its
 * history; a fall in replaceability is told to the listener.
 *
 * <p>The live writer and a rebuild run the same fold on a {@link ViewState}: a rebuilt view is the
 * live one by construction, not by a second copy of the rules.
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

    private final ViewState view;
    private final ViewListener listener;
    private final SuccessionRules rules;
    private final ReplaceabilityThresholds thresholds;
    private final AlertRule alertRule;
    private final Clock clock;

    public ViewMaintenance(ViewState view, ViewListener listener, SuccessionSettings settings, Clock clock) {
        this(view, listener, settings.rules(), settings.thresholds(), settings.alertRule(), clock);
    }

    public ViewMaintenance(ViewState view, ViewListener listener, SuccessionRules rules, ReplaceabilityThresholds thresholds,
                           AlertRule alertRule, Clock clock) {
        this.view = view;
        this.listener = listener;
        this.rules = rules;
        this.thresholds = thresholds;
        this.alertRule = alertRule;
        this.clock = clock;
    }

    public ViewState view() {
        return view;
    }

    /**
     * Applies one event's state, in the order the view's history needs: time passes up to the event's
     * day first (whatever went stale before it happened expires first), then the state is applied if
     * it is newer than the one held. Everything is counted as of the latest day the view has reached,
     * so an event that happened earlier but arrives later (it travelled on the other topic) does not
     * count assessments made since as not yet made.
     */
    public Applied apply(Object state, long version, Cause cause) {
        expireUpTo(cause.day());
        if (state instanceof OrganisationState s) {
            return applyOrganisation(s, version, cause);
        } else if (state instanceof PostState s) {
            return applyPost(s, version, cause);
        } else if (state instanceof VacancyState s) {
            return applyVacancy(s, version, cause);
        } else if (state instanceof CandidateState s) {
            return applyCandidate(s, version, cause);
        }
        throw new IllegalArgumentException("not a state the view keeps: " + state);
    }

    private Applied applyOrganisation(OrganisationState state, long version, Cause cause) {
        OrganisationView row = view.organisation(state.odsCode());
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        boolean rulesChange = isNew || row.region != state.region() || row.organisationType != state.organisationType()
                || !java.util.Objects.equals(row.oversightSegment, state.oversightSegment());
        if (isNew) {
            row = new OrganisationView();
            row.odsCode = state.odsCode();
        }
        row.name = state.name();
        row.region = state.region();
        row.organisationType = state.organisationType();
        row.oversightSegment = state.oversightSegment();
        row.integratedCareBoardCode = state.integratedCareBoardCode();
        row.version = version;
        row.updatedAt = OffsetDateTime.now(clock);
        view.put(row);
        if (rulesChange) {
            List<UUID> affected = view.postsOf(state.odsCode());
            affected.forEach(postId -> reevaluatePost(postId, view.day()));
            recount(affected, null, cause, false);
        }
        return Applied.CHANGED;
    }

    private Applied applyPost(PostState state, long version, Cause cause) {
        PostSuccession row = view.post(state.postId());
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        UUID incumbent = state.incumbent() == null ? null : state.incumbent().candidateId();
        boolean incumbentChanged = isNew || !Objects.equals(row.incumbentCandidateId, incumbent);
        PostState.Departure departure = state.lastDeparture();
        PostDeparture departed = null;
        if (departure != null && (isNew || !departure.date().equals(row.lastDepartureDate) || departure.reason() != row.lastDepartureReason)) {
            // A new departure: whoever held the post until now left (unknown when the post is new to the view).
            departed = new PostDeparture(state.postId(), state.odsCode(), state.role(), departure.date(), departure.reason(),
                    isNew ? null : row.incumbentCandidateId);
        }
        if (departed != null && departed.candidateId() != null) {
            UUID leaver = departed.candidateId();
            List<CandidateState.Exit> exits = view.details(leaver).exits();
            List<PostDeparture> before = List.copyOf(view.departuresOf(leaver));
            view.departed(departed);
            alertLateDismissal(leaver, exits, before, exits, view.departuresOf(leaver), state.postId(), cause);
        } else if (departed != null) {
            view.departed(departed);
        }
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
        view.put(row);
        if (incumbentChanged) {
            reevaluatePost(row.postId, view.day());
        }
        refreshVacancyFields(row);
        recount(List.of(row.postId), null, cause, isNew);
        if (incumbentChanged && incumbent != null && row.incumbentSince != null) {
            LastExit last = LastExit.before(row.incumbentSince, view.details(incumbent).exits(), view.departuresOf(incumbent));
            if (last != null && last.dismissal()) {
                listener.appointedAfterDismissal(row, view.organisation(row.odsCode), last, cause.at(), cause.name());
            }
        }
        return Applied.CHANGED;
    }

    /**
     * A dismissal that reached the view after the appointment it precedes (another partition, or recorded
     * late): each post the person holds whose start it now makes an appointment after dismissal, and did not
     * before, raises the alert then. {@code except} is the post the dismissal was recorded on.
     */
    private void alertLateDismissal(UUID person, List<CandidateState.Exit> exitsBefore, List<PostDeparture> departuresBefore,
                                    List<CandidateState.Exit> exitsNow, List<PostDeparture> departuresNow, UUID except, Cause cause) {
        for (PostSuccession held : view.postsHeldBy(person)) {
            if (held.postId.equals(except) || held.incumbentSince == null) {
                continue;
            }
            LastExit now = LastExit.before(held.incumbentSince, exitsNow, departuresNow);
            LastExit then = LastExit.before(held.incumbentSince, exitsBefore, departuresBefore);
            if (now != null && now.dismissal() && (then == null || !then.dismissal())) {
                listener.appointedAfterDismissal(held, view.organisation(held.odsCode), now, cause.at(), cause.name());
            }
        }
    }

    private Applied applyVacancy(VacancyState state, long version, Cause cause) {
        VacancyView row = view.vacancy(state.vacancyId());
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        if (row == null) {
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
        view.put(row);
        PostSuccession post = view.post(state.postId());
        if (post != null) {
            refreshVacancyFields(post);
            view.put(post); // its open and latest vacancy may change without its figures changing
            recount(List.of(post.postId), null, cause, false);
        }
        return Applied.CHANGED;
    }

    private Applied applyCandidate(CandidateState state, long version, Cause cause) {
        CandidateView row = view.candidate(state.candidateId());
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        if (row == null) {
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
        view.put(row);
        List<CandidateState.Exit> exitsBefore = view.details(state.candidateId()).exits();
        view.replaceCandidateDetails(state.candidateId(), state, !erased);
        List<PostDeparture> departures = view.departuresOf(state.candidateId());
        alertLateDismissal(state.candidateId(), exitsBefore, departures, view.details(state.candidateId()).exits(), departures, null, cause);

        Set<UUID> affected = new LinkedHashSet<>(view.postsCounting(state.candidateId()));
        if (state.status() == CandidateStatus.ACTIVE) {
            state.nominations().forEach(n -> affected.add(n.postId()));
            Set<BoardRole> roles = EnumSet.noneOf(BoardRole.class);
            state.readiness().stream()
                    .filter(r -> r.level() == ReadinessLevel.READY_NOW || r.level() == ReadinessLevel.READY_1_2_YEARS)
                    .forEach(r -> roles.add(r.role()));
            affected.addAll(view.poolPosts(roles, Set.copyOf(state.mobility().regions()), Set.copyOf(state.mobility().organisationTypes())));
        }
        CandidateFacts facts = view.candidateFacts(List.of(state.candidateId())).get(state.candidateId());
        Map<UUID, PostSuccession> rows = view.posts(affected);
        Map<UUID, PostFacts> postFacts = postFacts(affected, rows);
        Map<UUID, Contribution> byPost = new LinkedHashMap<>();
        for (PostFacts post : postFacts.values()) {
            byPost.put(post.postId(), rules.evaluate(post, facts, view.day()));
        }
        view.putContributions(state.candidateId(), byPost);
        recount(postFacts.keySet(), rows, cause, false);
        return Applied.CHANGED;
    }

    /**
     * Lets time pass up to (and including) a day: contributions whose assessment went stale or whose
     * fit-and-proper check lapsed are re-evaluated as of the day they expired, one day at a time (all
     * the pairs of a day together, so a post gets one history row per day of expiries). The view's day
     * is then that day, if it was earlier.
     *
     * @return how many (post, candidate) pairs were re-evaluated
     */
    public int expireUpTo(LocalDate day) {
        int total = 0;
        while (true) {
            List<ViewState.Expiring> sameDay = view.firstExpiringBy(day);
            if (sameDay.isEmpty()) {
                view.reach(day);
                return total;
            }
            LocalDate first = sameDay.get(0).expiresOn();
            Set<UUID> postIds = new LinkedHashSet<>();
            Set<UUID> candidateIds = new LinkedHashSet<>();
            sameDay.forEach(e -> {
                postIds.add(e.postId());
                candidateIds.add(e.candidateId());
            });
            Map<UUID, PostFacts> postFacts = postFacts(postIds, view.posts(postIds));
            Map<UUID, CandidateFacts> candidateFacts = view.candidateFacts(candidateIds);
            for (ViewState.Expiring e : sameDay) {
                PostFacts post = postFacts.get(e.postId());
                CandidateFacts candidate = candidateFacts.get(e.candidateId());
                Contribution c = post == null || candidate == null ? Contribution.NONE : rules.evaluate(post, candidate, first);
                if (c.counts() && !c.expiresOn().isAfter(first)) {
                    c = Contribution.NONE; // defensive: never loop on a pair that does not move forward
                }
                view.putContribution(e.postId(), e.candidateId(), c);
            }
            recount(postIds, null, new Cause("assessment-expired", first.atStartOfDay().atOffset(ZoneOffset.UTC), null), false);
            total += sameDay.size();
        }
    }

    /** Re-evaluates every candidate who might count for a post (after the post or its organisation changed). */
    private void reevaluatePost(UUID postId, LocalDate day) {
        PostFacts post = postFacts(List.of(postId), view.posts(List.of(postId))).get(postId);
        if (post == null) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>(view.nominatedFor(postId));
        ids.addAll(view.poolCandidates(post.role(), post.region(), post.organisationType()));
        Map<UUID, Contribution> byCandidate = new HashMap<>();
        view.candidateFacts(ids).forEach((id, facts) -> byCandidate.put(id, rules.evaluate(post, facts, day)));
        view.replaceContributions(postId, byCandidate);
    }

    private Map<UUID, PostFacts> postFacts(Collection<UUID> postIds, Map<UUID, PostSuccession> rows) {
        Map<UUID, PostFacts> out = new HashMap<>();
        Set<String> codes = new HashSet<>();
        rows.values().forEach(p -> codes.add(p.odsCode));
        Map<String, OrganisationView> organisations = view.organisations(codes);
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
        List<VacancyView> all = view.vacanciesOf(post.postId);
        VacancyView open = all.stream().filter(v -> v.status.active()).findFirst().orElse(null);
        VacancyView latest = all.isEmpty() ? null : all.get(0);
        post.openVacancyId = open == null ? null : open.vacancyId;
        post.applicants = open == null ? null : open.liveApplications;
        post.shortlisted = open == null ? null : open.shortlistSize;
        post.latestVacancyId = latest == null ? null : latest.vacancyId;
        post.lastShortlistSize = latest == null ? null : latest.shortlistSize;
    }

    /**
     * Recounts the posts from their contributions; each whose numbers (or vacancy figures, incumbent
     * or interim cover) changed gets a history row, and an alert if its replaceability fell.
     *
     * @param loaded the posts' rows when the caller has them all already (else null: they are looked up)
     */
    private void recount(Collection<UUID> postIds, Map<UUID, PostSuccession> loaded, Cause cause, boolean forceHistory) {
        Map<UUID, SuccessionNumbers> counted = view.count(postIds);
        Map<UUID, PostSuccession> rows = loaded != null ? loaded : view.posts(postIds);
        List<Recounted> recounted = new ArrayList<>();
        for (UUID postId : postIds) {
            PostSuccession post = rows.get(postId);
            if (post == null) {
                continue;
            }
            SuccessionNumbers numbers = counted.getOrDefault(postId, SuccessionNumbers.ZERO);
            Replaceability before = post.replaceability;
            Replaceability after = thresholds.classify(numbers.readyNow());
            PostSuccessionHistory last = view.lastHistory(postId);
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
            view.put(post);
            recounted.add(new Recounted(post, before, last == null, history(post, cause, last)));
        }
        // All the rows first, then the alerts: an alert's sequence counts its own row.
        view.addHistory(recounted.stream().map(Recounted::row).toList());
        for (Recounted c : recounted) {
            OrganisationView organisation = view.organisation(c.post().odsCode);
            if (alertRule.alerts(c.first() ? null : c.before(), c.post().replaceability,
                    organisation == null ? null : organisation.oversightSegment)) {
                listener.replaceabilityFell(c.post(), organisation, c.before(), c.row().effectiveAt, cause.name(),
                        view.historyCount(c.post().postId));
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
