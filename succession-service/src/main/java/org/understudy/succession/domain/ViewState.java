package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The whole succession view in memory, with the indexes {@link ViewMaintenance} asks of it, and a
 * note of everything changed since the last {@link #takeChanges()}: the writer folds each poll of
 * events into it and persists that {@link ChangeSet} in one transaction; a rebuild folds every event
 * into a new one and writes it whole. Not thread-safe: one writer thread owns it.
 *
 * <p>Rows handed out by the finders are the view's own: {@link ViewMaintenance} changes them and then
 * {@link #put}s them, which both stores and notes them.
 */
public final class ViewState {

    /** One (post, candidate) pair whose contribution lapses on a day. */
    public record Expiring(UUID postId, UUID candidateId, LocalDate expiresOn) {
    }

    /** A candidate's readiness, nominations, exits and replaced assessments as the event described them. */
    public record Details(List<CandidateState.RoleReadiness> readiness, List<CandidateState.Nomination> nominations,
                          List<CandidateState.Exit> exits, List<CandidateState.RoleReadiness> earlierReadiness) {
        public static final Details NONE = new Details(List.of(), List.of(), List.of(), List.of());
    }

    /** Who counts for which post: one pair of the view. */
    public record Pair(UUID postId, UUID candidateId) {
    }

    private final Map<String, OrganisationView> organisations = new LinkedHashMap<>();
    private final Map<UUID, PostSuccession> posts = new LinkedHashMap<>();
    private final Map<UUID, VacancyView> vacancies = new LinkedHashMap<>();
    private final Map<UUID, List<VacancyView>> vacanciesByPost = new HashMap<>();
    private final Map<UUID, UUID> vacancyIndexedUnder = new HashMap<>();
    private final Map<UUID, CandidateView> candidates = new LinkedHashMap<>();
    private final Map<UUID, Details> details = new HashMap<>();
    private final Map<UUID, CandidateFacts> facts = new HashMap<>();
    private final Map<UUID, Set<UUID>> nominated = new HashMap<>();
    private final Map<BoardRole, Set<UUID>> readyForRole = new EnumMap<>(BoardRole.class);
    private final Map<UUID, Map<UUID, Contribution>> contributions = new HashMap<>();
    private final Map<UUID, Set<UUID>> postsByCandidate = new HashMap<>();
    private final Map<UUID, int[]> counts = new HashMap<>();
    private final TreeMap<LocalDate, Set<Pair>> expiries = new TreeMap<>();
    private final Map<UUID, PostSuccessionHistory> lastHistory = new HashMap<>();
    private final Map<UUID, Long> historyCounts = new HashMap<>();
    private List<PostInOrganisation> postsInOrganisations;
    private LocalDate day;

    private ChangeSet.Builder changes = new ChangeSet.Builder();
    private final List<PostDeparture> departures = new ArrayList<>();
    private final Map<UUID, List<PostDeparture>> departuresByCandidate = new HashMap<>();
    private final Map<UUID, UUID> incumbentOfPost = new HashMap<>();
    private final Map<UUID, Set<UUID>> postsHeld = new HashMap<>();

    // --- the view's day -------------------------------------------------------------------------

    /** The latest day the view has reached (an event's day, or a day time was let pass to); null before any. */
    public LocalDate day() {
        return day;
    }

    /** Moves the view's day on to this one if it is later; returns the view's day. */
    public LocalDate reach(LocalDate d) {
        if (day == null || d.isAfter(day)) {
            day = d;
            changes.day(d);
        }
        return day;
    }

    // --- rows -----------------------------------------------------------------------------------

    public OrganisationView organisation(String odsCode) {
        return odsCode == null ? null : organisations.get(odsCode);
    }

    /** Stores an organisation, new or changed. */
    public void put(OrganisationView row) {
        if (organisations.put(row.odsCode, row) == null) {
            postsInOrganisations = null; // a post may name it already
        }
        changes.organisation(row);
    }

    /** The organisations with these codes that exist. */
    public Map<String, OrganisationView> organisations(Collection<String> odsCodes) {
        Map<String, OrganisationView> out = new HashMap<>();
        for (String code : odsCodes) {
            OrganisationView o = organisations.get(code);
            if (o != null) {
                out.put(code, o);
            }
        }
        return out;
    }

    public PostSuccession post(UUID postId) {
        return posts.get(postId);
    }

    /** The posts with these ids that exist. */
    public Map<UUID, PostSuccession> posts(Collection<UUID> postIds) {
        Map<UUID, PostSuccession> out = new HashMap<>();
        for (UUID id : postIds) {
            PostSuccession p = posts.get(id);
            if (p != null) {
                out.put(id, p);
            }
        }
        return out;
    }

    /** Stores a post, new or changed. */
    public void put(PostSuccession row) {
        if (posts.put(row.postId, row) == null) {
            postsInOrganisations = null;
        }
        indexIncumbent(row);
        changes.post(row);
    }

    private void indexIncumbent(PostSuccession row) {
        UUID before = incumbentOfPost.put(row.postId, row.incumbentCandidateId);
        if (!java.util.Objects.equals(before, row.incumbentCandidateId)) {
            if (before != null) {
                Set<UUID> held = postsHeld.get(before);
                if (held != null) {
                    held.remove(row.postId);
                }
            }
            if (row.incumbentCandidateId != null) {
                postsHeld.computeIfAbsent(row.incumbentCandidateId, k -> new LinkedHashSet<>()).add(row.postId);
            }
        }
    }

    /** The posts a pipeline candidate holds now. */
    public List<PostSuccession> postsHeldBy(UUID candidateId) {
        return postsHeld.getOrDefault(candidateId, Set.of()).stream().map(posts::get).toList();
    }

    public VacancyView vacancy(UUID vacancyId) {
        return vacancies.get(vacancyId);
    }

    /** Stores a vacancy, new or changed (and files it under its post). */
    public void put(VacancyView row) {
        vacancies.put(row.vacancyId, row);
        UUID before = vacancyIndexedUnder.put(row.vacancyId, row.postId);
        if (!Objects.equals(before, row.postId)) {
            if (before != null) {
                vacanciesByPost.get(before).remove(row);
            }
            vacanciesByPost.computeIfAbsent(row.postId, k -> new ArrayList<>()).add(row);
        }
        changes.vacancy(row);
    }

    public CandidateView candidate(UUID candidateId) {
        return candidates.get(candidateId);
    }

    /** Stores a candidate's row, new or changed (their details: {@link #replaceCandidateDetails}). */
    public void put(CandidateView row) {
        candidates.put(row.candidateId, row);
        changes.candidate(row);
    }

    // --- questions ------------------------------------------------------------------------------

    public List<UUID> postsOf(String odsCode) {
        List<UUID> out = new ArrayList<>();
        for (PostSuccession p : posts.values()) {
            if (p.odsCode.equals(odsCode)) {
                out.add(p.postId);
            }
        }
        return out;
    }

    /** Posts whose pool might include someone ready for these roles, regions and types. */
    public List<UUID> poolPosts(Set<BoardRole> roles, Set<Region> regions, Set<OrganisationType> types) {
        List<UUID> out = new ArrayList<>();
        if (roles.isEmpty() || regions.isEmpty() || types.isEmpty()) {
            return out;
        }
        for (PostInOrganisation e : postsInOrganisations()) {
            PostSuccession p = e.post;
            if (roles.contains(p.role)) {
                OrganisationView o = e.organisation();
                if (o != null && regions.contains(o.region) && types.contains(o.organisationType)) {
                    out.add(p.postId);
                }
            }
        }
        return out;
    }

    /**
     * A post with its organisation's row, found again only when the post names another organisation.
     * Nearly every event is a candidate's, which asks for the pool's posts: looking up each post's
     * organisation by its code every time was a tenth of a national fold.
     */
    private final class PostInOrganisation {
        final PostSuccession post;
        String odsCode;
        OrganisationView organisation;

        PostInOrganisation(PostSuccession post) {
            this.post = post;
        }

        OrganisationView organisation() {
            if (odsCode != post.odsCode) { // the same String unless the post moved (rows are changed in place)
                odsCode = post.odsCode;
                organisation = organisations.get(odsCode);
            }
            return organisation;
        }
    }

    /** Every post in the order added, each with its organisation; made again when a post or organisation is added. */
    private List<PostInOrganisation> postsInOrganisations() {
        if (postsInOrganisations == null) {
            List<PostInOrganisation> all = new ArrayList<>(posts.size());
            posts.values().forEach(p -> all.add(new PostInOrganisation(p)));
            postsInOrganisations = all;
        }
        return postsInOrganisations;
    }

    /** A post's vacancies, most recently first seen first (ties: the greater id first). */
    public List<VacancyView> vacanciesOf(UUID postId) {
        List<VacancyView> out = new ArrayList<>(vacanciesByPost.getOrDefault(postId, List.of()));
        out.sort(Comparator.comparing((VacancyView v) -> v.createdAt).thenComparing(v -> v.vacancyId).reversed());
        return out;
    }

    /** Replaces a candidate's readiness, nominations and exits with those of the new state (none when not kept). */
    public void replaceCandidateDetails(UUID candidateId, CandidateState state, boolean keep) {
        Details now = keep ? new Details(List.copyOf(state.readiness()), List.copyOf(state.nominations()), List.copyOf(state.exits()),
                List.copyOf(state.earlierReadiness())) : Details.NONE;
        setDetails(candidateId, now);
        changes.details(candidateId, now);
    }

    private void setDetails(UUID candidateId, Details now) {
        Details old = details.getOrDefault(candidateId, Details.NONE);
        for (CandidateState.Nomination n : old.nominations()) {
            Set<UUID> ids = nominated.get(n.postId());
            ids.remove(candidateId);
            if (ids.isEmpty()) {
                nominated.remove(n.postId());
            }
        }
        for (CandidateState.RoleReadiness r : old.readiness()) {
            Set<UUID> ids = readyForRole.get(r.role());
            if (ids != null) {
                ids.remove(candidateId);
            }
        }
        details.put(candidateId, now);
        Map<BoardRole, CandidateFacts.Assessment> readiness = new EnumMap<>(BoardRole.class);
        for (CandidateState.RoleReadiness r : now.readiness()) {
            readiness.put(r.role(), new CandidateFacts.Assessment(r.level(), r.assessedOn()));
            if (r.level() == ReadinessLevel.READY_NOW || r.level() == ReadinessLevel.READY_1_2_YEARS) {
                readyForRole.computeIfAbsent(r.role(), k -> new HashSet<>()).add(candidateId);
            }
        }
        Map<UUID, CandidateFacts.Assessment> nominations = new HashMap<>();
        for (CandidateState.Nomination n : now.nominations()) {
            nominations.put(n.postId(), new CandidateFacts.Assessment(n.readiness(), n.nominatedOn()));
            nominated.computeIfAbsent(n.postId(), k -> new LinkedHashSet<>()).add(candidateId);
        }
        CandidateView c = candidates.get(candidateId);
        facts.put(candidateId, new CandidateFacts(c.candidateId, c.status, c.fitStatus, c.fitCheckedOn,
                CandidateView.enums(c.regions, Region.class), CandidateView.enums(c.organisationTypes, OrganisationType.class),
                c.considersChallenged, readiness, nominations));
    }

    /** The rules' view of these candidates (missing ids are left out). */
    public Map<UUID, CandidateFacts> candidateFacts(Collection<UUID> candidateIds) {
        Map<UUID, CandidateFacts> out = new HashMap<>();
        for (UUID id : candidateIds) {
            CandidateFacts f = facts.get(id);
            if (f != null) {
                out.put(id, f);
            }
        }
        return out;
    }

    public List<UUID> nominatedFor(UUID postId) {
        return new ArrayList<>(nominated.getOrDefault(postId, Set.of()));
    }

    /** Active candidates ready now or in 1-2 years for the role who would work in the region and type (the rules decide). */
    public List<UUID> poolCandidates(BoardRole role, Region region, OrganisationType type) {
        List<UUID> out = new ArrayList<>();
        if (region == null || type == null) {
            return out;
        }
        for (UUID id : readyForRole.getOrDefault(role, Set.of())) {
            CandidateFacts f = facts.get(id);
            if (f.status() == CandidateStatus.ACTIVE && f.regions().contains(region) && f.organisationTypes().contains(type)) {
                out.add(id);
            }
        }
        return out;
    }

    // --- who counts -----------------------------------------------------------------------------

    /** Stores what a candidate adds to a post; a contribution that does not count removes the pair. */
    public void putContribution(UUID postId, UUID candidateId, Contribution c) {
        Map<UUID, Contribution> ofPost = contributions.get(postId);
        Contribution old = ofPost == null ? null : ofPost.get(candidateId);
        if (Objects.equals(old, c.counts() ? c : null)) {
            return;
        }
        if (old != null) {
            forget(postId, candidateId, old);
        }
        if (c.counts()) {
            remember(postId, candidateId, c);
        }
        changes.contribution(new Pair(postId, candidateId), c);
    }

    /** {@link #putContribution} for one candidate and many posts. */
    public void putContributions(UUID candidateId, Map<UUID, Contribution> byPost) {
        byPost.forEach((postId, c) -> putContribution(postId, candidateId, c));
    }

    /** Replaces all of a post's contributions. */
    public void replaceContributions(UUID postId, Map<UUID, Contribution> byCandidate) {
        Map<UUID, Contribution> ofPost = contributions.get(postId);
        if (ofPost != null) {
            for (UUID candidate : new ArrayList<>(ofPost.keySet())) {
                if (!byCandidate.containsKey(candidate)) {
                    putContribution(postId, candidate, Contribution.NONE);
                }
            }
        }
        byCandidate.forEach((candidate, c) -> putContribution(postId, candidate, c));
    }

    private void remember(UUID postId, UUID candidateId, Contribution c) {
        contributions.computeIfAbsent(postId, k -> new HashMap<>()).put(candidateId, c);
        postsByCandidate.computeIfAbsent(candidateId, k -> new LinkedHashSet<>()).add(postId);
        expiries.computeIfAbsent(c.expiresOn(), k -> new HashSet<>()).add(new Pair(postId, candidateId));
        tally(postId, c, 1);
    }

    private void forget(UUID postId, UUID candidateId, Contribution old) {
        Map<UUID, Contribution> ofPost = contributions.get(postId);
        ofPost.remove(candidateId);
        if (ofPost.isEmpty()) {
            contributions.remove(postId);
        }
        Set<UUID> ofCandidate = postsByCandidate.get(candidateId);
        ofCandidate.remove(postId);
        if (ofCandidate.isEmpty()) {
            postsByCandidate.remove(candidateId);
        }
        Set<Pair> due = expiries.get(old.expiresOn());
        due.remove(new Pair(postId, candidateId));
        if (due.isEmpty()) {
            expiries.remove(old.expiresOn());
        }
        tally(postId, old, -1);
    }

    /** Keeps each post's running counts: NOW, SOON, named now, pool now, pairs. */
    private void tally(UUID postId, Contribution c, int delta) {
        int[] n = counts.computeIfAbsent(postId, k -> new int[5]);
        if (c.level() == Contribution.Level.NOW) {
            n[0] += delta;
        } else {
            n[1] += delta;
        }
        if (c.namedNow()) {
            n[2] += delta;
        }
        if (c.poolNow()) {
            n[3] += delta;
        }
        n[4] += delta;
        if (n[4] == 0) {
            counts.remove(postId);
        }
    }

    public List<UUID> postsCounting(UUID candidateId) {
        return new ArrayList<>(postsByCandidate.getOrDefault(candidateId, Set.of()));
    }

    /** The numbers of each post, counted from its contributions (posts with none are absent: all zero). */
    public Map<UUID, SuccessionNumbers> count(Collection<UUID> postIds) {
        Map<UUID, SuccessionNumbers> out = new HashMap<>();
        for (UUID id : postIds) {
            int[] n = counts.get(id);
            if (n != null) {
                out.put(id, new SuccessionNumbers(n[0], n[1], n[2], n[3]));
            }
        }
        return out;
    }

    /** Every pair lapsing on the earliest day any pair lapses, if that day is on or before {@code day}; else none. */
    public List<Expiring> firstExpiringBy(LocalDate day) {
        if (expiries.isEmpty() || expiries.firstKey().isAfter(day)) {
            return List.of();
        }
        Map.Entry<LocalDate, Set<Pair>> first = expiries.firstEntry();
        List<Pair> pairs = new ArrayList<>(first.getValue());
        pairs.sort(Comparator.comparing(Pair::postId).thenComparing(Pair::candidateId));
        List<Expiring> out = new ArrayList<>(pairs.size());
        pairs.forEach(p -> out.add(new Expiring(p.postId(), p.candidateId(), first.getKey())));
        return out;
    }

    // --- history --------------------------------------------------------------------------------

    /** The history row written last for a post (null before any). */
    public PostSuccessionHistory lastHistory(UUID postId) {
        return lastHistory.get(postId);
    }

    /** {@link #lastHistory} of each of these posts that has one. */
    public Map<UUID, PostSuccessionHistory> lastHistories(Collection<UUID> postIds) {
        Map<UUID, PostSuccessionHistory> out = new HashMap<>();
        for (UUID id : postIds) {
            PostSuccessionHistory h = lastHistory.get(id);
            if (h != null) {
                out.put(id, h);
            }
        }
        return out;
    }

    /** Adds history rows, in this order. */
    public void addHistory(List<PostSuccessionHistory> rows) {
        for (PostSuccessionHistory row : rows) {
            lastHistory.put(row.postId, row);
            historyCounts.merge(row.postId, 1L, Long::sum);
            changes.history(row);
        }
    }

    /** How many history rows a post has. */
    public long historyCount(UUID postId) {
        return historyCounts.getOrDefault(postId, 0L);
    }

    // --- departures -----------------------------------------------------------------------------

    /** Notes a departure recorded on a post (appended only, like history). */
    public void departed(PostDeparture departure) {
        keep(departure);
        changes.departure(departure);
    }

    private void keep(PostDeparture departure) {
        departures.add(departure);
        if (departure.candidateId() != null) {
            departuresByCandidate.computeIfAbsent(departure.candidateId(), k -> new ArrayList<>()).add(departure);
        }
    }

    /** The departures recorded on posts of one pipeline candidate. */
    public List<PostDeparture> departuresOf(UUID candidateId) {
        return departuresByCandidate.getOrDefault(candidateId, List.of());
    }

    public List<PostDeparture> departures() {
        return departures;
    }

    // --- what changed, and the whole view --------------------------------------------------------

    /** Everything changed since the last call (or since the view was made), and a new note begun. */
    public ChangeSet takeChanges() {
        ChangeSet taken = changes.build(this);
        changes = new ChangeSet.Builder();
        return taken;
    }

    /** Forgets what changed without taking it (a rebuild writes the whole view instead). */
    public List<PostSuccessionHistory> takeHistoryOnly() {
        List<PostSuccessionHistory> history = changes.historyRows();
        changes = new ChangeSet.Builder();
        return history;
    }

    public Collection<OrganisationView> organisations() {
        return organisations.values();
    }

    public Collection<PostSuccession> posts() {
        return posts.values();
    }

    public Collection<VacancyView> vacancies() {
        return vacancies.values();
    }

    public Collection<CandidateView> candidates() {
        return candidates.values();
    }

    /** A candidate's readiness, nominations and exits (none for an erased one). */
    public Details details(UUID candidateId) {
        return details.getOrDefault(candidateId, Details.NONE);
    }

    /** Every stored contribution, post by post. */
    public Map<UUID, Map<UUID, Contribution>> contributions() {
        return contributions;
    }

    // --- loading a stored view -------------------------------------------------------------------

    /**
     * Fills an empty view from its stored rows (a restart, a writer taking over): the same calls as the
     * fold makes, then the note of changes is dropped (nothing of it needs writing).
     */
    public final class Loader {
        private Loader() {
        }

        public Loader organisation(OrganisationView row) {
            put(row);
            return this;
        }

        public Loader post(PostSuccession row, long historyCount) {
            put(row);
            if (historyCount > 0) {
                historyCounts.put(row.postId, historyCount);
            }
            return this;
        }

        public Loader lastHistory(PostSuccessionHistory row) {
            lastHistory.put(row.postId, row);
            return this;
        }

        public Loader vacancy(VacancyView row) {
            put(row);
            return this;
        }

        public Loader candidate(CandidateView row, Details details) {
            put(row);
            setDetails(row.candidateId, details);
            return this;
        }

        public Loader contribution(UUID postId, UUID candidateId, Contribution c) {
            remember(postId, candidateId, c);
            return this;
        }

        public Loader departure(PostDeparture d) {
            keep(d);
            return this;
        }

        public Loader day(LocalDate d) {
            day = d;
            return this;
        }

        /** The view as loaded; nothing is noted as changed. */
        public ViewState done() {
            changes = new ChangeSet.Builder();
            return ViewState.this;
        }
    }

    /** Starts filling this (empty) view from stored rows. */
    public Loader load() {
        return new Loader();
    }
}
