package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * The view in memory, for a rebuild: {@link ViewMaintenance} folds every event into these maps (no
 * statement per event), then the whole view is written at once. It answers each question of
 * {@link ViewStore} as the database store does, including its orderings, so that the same events in
 * the same order give the same view.
 *
 * <p>What only grows (the history rows and the applied events) is handed to a {@link Spill} as it is
 * made, not kept: a national replay writes millions of history rows. Only each post's last row is
 * kept, which is all the algorithm reads back.
 */
public final class MemoryViewStore implements ViewStore {

    /** PostgreSQL's order of uuids: byte by byte, unsigned (Java's compareTo compares signed longs). */
    public static final Comparator<UUID> UUID_ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** Where the rows that only grow go as they are made. */
    public interface Spill {
        void history(PostSuccessionHistory row);

        void applied(EventPosition position);
    }

    /** A candidate's readiness, nominations and exits as the event described them (kept for writing). */
    public record Details(List<CandidateState.RoleReadiness> readiness, List<CandidateState.Nomination> nominations,
                          List<CandidateState.Exit> exits) {
        static final Details NONE = new Details(List.of(), List.of(), List.of());
    }

    private record Pair(UUID postId, UUID candidateId) {
    }

    private final Spill spill;
    private final UuidSet appliedEvents;
    private final Map<String, OrganisationView> organisations = new LinkedHashMap<>();
    private final Map<UUID, PostSuccession> posts = new LinkedHashMap<>();
    private final Map<UUID, VacancyView> vacancies = new LinkedHashMap<>();
    private final Map<UUID, List<VacancyView>> vacanciesByPost = new HashMap<>();
    private final Map<UUID, UUID> vacancyIndexedUnder = new HashMap<>();
    private final List<VacancyView> vacanciesToIndex = new ArrayList<>();
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

    /** @param expectedEvents how many events will be applied, about (their ids are kept) */
    public MemoryViewStore(Spill spill, int expectedEvents) {
        this.spill = spill;
        this.appliedEvents = new UuidSet(expectedEvents);
    }

    @Override
    public void lock() {
        // one fold, one thread: nothing to serialise
    }

    @Override
    public boolean recordFirstDelivery(EventPosition position) {
        if (!appliedEvents.add(position.eventId())) {
            return false;
        }
        spill.applied(position);
        return true;
    }

    @Override
    public void versionMoved() {
        // the rebuild moves the version once, when it writes the view
    }

    @Override
    public OrganisationView organisation(String odsCode) {
        return organisations.get(odsCode);
    }

    @Override
    public void add(OrganisationView row) {
        organisations.put(row.odsCode, row);
        postsInOrganisations = null; // a post may name it already
    }

    @Override
    public PostSuccession post(UUID postId) {
        return posts.get(postId);
    }

    @Override
    public void add(PostSuccession row) {
        posts.put(row.postId, row);
        postsInOrganisations = null;
    }

    @Override
    public VacancyView vacancy(UUID vacancyId) {
        VacancyView row = vacancies.get(vacancyId);
        if (row != null) {
            vacanciesToIndex.add(row); // its post may change before the next flush
        }
        return row;
    }

    @Override
    public void add(VacancyView row) {
        vacancies.put(row.vacancyId, row);
        vacanciesToIndex.add(row);
    }

    @Override
    public CandidateView candidate(UUID candidateId) {
        return candidates.get(candidateId);
    }

    @Override
    public void add(CandidateView row) {
        candidates.put(row.candidateId, row);
    }

    @Override
    public void flush() {
        for (VacancyView v : vacanciesToIndex) {
            UUID before = vacancyIndexedUnder.put(v.vacancyId, v.postId);
            if (!Objects.equals(before, v.postId)) {
                if (before != null) {
                    vacanciesByPost.get(before).remove(v);
                }
                vacanciesByPost.computeIfAbsent(v.postId, k -> new ArrayList<>()).add(v);
            }
        }
        vacanciesToIndex.clear();
    }

    @Override
    public List<UUID> postsOf(String odsCode) {
        List<UUID> out = new ArrayList<>();
        for (PostSuccession p : posts.values()) {
            if (p.odsCode.equals(odsCode)) {
                out.add(p.postId);
            }
        }
        return out;
    }

    @Override
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
     * Nearly every event of a replay is a candidate's, which asks for the pool's posts: looking up each
     * post's organisation by its code every time was a tenth of the fold.
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

    @Override
    public List<VacancyView> vacanciesOf(UUID postId) {
        List<VacancyView> out = new ArrayList<>(vacanciesByPost.getOrDefault(postId, List.of()));
        // As the database orders them: by the stored (microsecond) instant, then by id, both descending.
        out.sort(Comparator.comparing((VacancyView v) -> Micros.round(v.createdAt).toInstant())
                .thenComparing(v -> v.vacancyId, UUID_ORDER).reversed());
        return out;
    }

    @Override
    public void replaceCandidateDetails(UUID candidateId, CandidateState state, boolean keep) {
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
        Details now = keep ? new Details(List.copyOf(state.readiness()), List.copyOf(state.nominations()), List.copyOf(state.exits()))
                : Details.NONE;
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
        // The facts as the database store reads them back from the candidate's row and these details.
        CandidateView c = candidates.get(candidateId);
        facts.put(candidateId, new CandidateFacts(c.candidateId, c.status, c.fitStatus, c.fitCheckedOn,
                CandidateView.enums(c.regions, Region.class), CandidateView.enums(c.organisationTypes, OrganisationType.class),
                c.considersChallenged, readiness, nominations));
    }

    @Override
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

    @Override
    public List<UUID> nominatedFor(UUID postId) {
        return new ArrayList<>(nominated.getOrDefault(postId, Set.of()));
    }

    @Override
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

    @Override
    public void putContribution(UUID postId, UUID candidateId, Contribution c) {
        Map<UUID, Contribution> ofPost = contributions.get(postId);
        Contribution old = ofPost == null ? null : ofPost.get(candidateId);
        if (old != null) {
            forget(postId, candidateId, old);
        }
        if (c.counts()) {
            contributions.computeIfAbsent(postId, k -> new HashMap<>()).put(candidateId, c);
            postsByCandidate.computeIfAbsent(candidateId, k -> new LinkedHashSet<>()).add(postId);
            expiries.computeIfAbsent(c.expiresOn(), k -> new HashSet<>()).add(new Pair(postId, candidateId));
            tally(postId, c, 1);
        }
    }

    @Override
    public void replaceContributions(UUID postId, Map<UUID, Contribution> byCandidate) {
        Map<UUID, Contribution> ofPost = contributions.get(postId);
        if (ofPost != null) {
            for (Map.Entry<UUID, Contribution> e : new ArrayList<>(ofPost.entrySet())) {
                forget(postId, e.getKey(), e.getValue());
            }
        }
        byCandidate.forEach((candidate, c) -> {
            if (c.counts()) {
                putContribution(postId, candidate, c);
            }
        });
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

    /** Keeps each post's counts as the database counts its rows: NOW, SOON, named now, pool now. */
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
        n[4] += delta; // rows
        if (n[4] == 0) {
            counts.remove(postId);
        }
    }

    @Override
    public List<UUID> postsCounting(UUID candidateId) {
        return new ArrayList<>(postsByCandidate.getOrDefault(candidateId, Set.of()));
    }

    @Override
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

    @Override
    public List<Expiring> firstExpiringBy(LocalDate day) {
        if (expiries.isEmpty() || expiries.firstKey().isAfter(day)) {
            return List.of();
        }
        Map.Entry<LocalDate, Set<Pair>> first = expiries.firstEntry();
        List<Pair> pairs = new ArrayList<>(first.getValue());
        pairs.sort(Comparator.comparing(Pair::postId, UUID_ORDER).thenComparing(Pair::candidateId, UUID_ORDER));
        List<Expiring> out = new ArrayList<>(pairs.size());
        pairs.forEach(p -> out.add(new Expiring(p.postId(), p.candidateId(), first.getKey())));
        return out;
    }

    @Override
    public PostSuccessionHistory lastHistory(UUID postId) {
        return lastHistory.get(postId);
    }

    @Override
    public void add(PostSuccessionHistory row) {
        lastHistory.put(row.postId, row);
        historyCounts.merge(row.postId, 1L, Long::sum);
        spill.history(row);
    }

    @Override
    public long historyCount(UUID postId) {
        return historyCounts.getOrDefault(postId, 0L);
    }

    // --- what the rebuild writes -----------------------------------------------------------------

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

    public int appliedEvents() {
        return appliedEvents.size();
    }

    /** Timestamps as PostgreSQL stores them: to the microsecond, half up (as the JDBC driver sends them). */
    public static final class Micros {
        private Micros() {
        }

        public static OffsetDateTime round(OffsetDateTime t) {
            if (t == null) {
                return null;
            }
            int nanos = t.getNano();
            return nanos % 1000 > 499 ? t.plusNanos(1000 - nanos % 1000) : t.minusNanos(nanos % 1000);
        }
    }
}
