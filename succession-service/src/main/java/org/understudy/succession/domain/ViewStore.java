package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where {@link ViewMaintenance} keeps the view: the database, one statement at a time, for the live
 * consumers; memory, for a rebuild that folds every event and writes the result once. Both answer
 * the same questions the same way, so that one algorithm gives the same view on either.
 *
 * <p>Rows returned by the finders are the stored rows themselves: changing their fields changes the
 * view (the database store writes them when it flushes). {@link #flush()} makes such changes visible
 * to the queries.
 */
public interface ViewStore {

    /** One (post, candidate) pair whose contribution lapses on a day. */
    record Expiring(UUID postId, UUID candidateId, LocalDate expiresOn) {
    }

    /** Serialises changes of the view until the transaction ends (the database's advisory lock). */
    void lock();

    /** Records the event as applied; false if it already was (a redelivery). */
    boolean recordFirstDelivery(EventPosition position);

    /** The view's version moves on (answers cached over the whole view are void). */
    void versionMoved();

    OrganisationView organisation(String odsCode);

    void add(OrganisationView row);

    /** The organisations with these codes that exist (the database store: one statement). */
    default Map<String, OrganisationView> organisations(Collection<String> odsCodes) {
        return existing(odsCodes, this::organisation);
    }

    PostSuccession post(UUID postId);

    /**
     * The posts with these ids that exist (the same rows {@link #post} returns). The database store
     * reads them in one statement; an event touches up to a few hundred posts.
     */
    default Map<UUID, PostSuccession> posts(Collection<UUID> postIds) {
        return existing(postIds, this::post);
    }

    void add(PostSuccession row);

    VacancyView vacancy(UUID vacancyId);

    void add(VacancyView row);

    CandidateView candidate(UUID candidateId);

    void add(CandidateView row);

    /** Makes the changes of rows found or added visible to the queries below. */
    void flush();

    List<UUID> postsOf(String odsCode);

    /** Posts whose pool might include someone ready for these roles, regions and types. */
    List<UUID> poolPosts(Set<BoardRole> roles, Set<Region> regions, Set<OrganisationType> types);

    /** A post's vacancies, most recently first seen first (ties: the greater id first, as PostgreSQL orders uuids). */
    List<VacancyView> vacanciesOf(UUID postId);

    /** Replaces a candidate's readiness, nominations and exits with those of the new state (none when not kept). */
    void replaceCandidateDetails(UUID candidateId, CandidateState state, boolean keep);

    /** The rules' view of these candidates (missing ids are left out). */
    Map<UUID, CandidateFacts> candidateFacts(Collection<UUID> candidateIds);

    List<UUID> nominatedFor(UUID postId);

    /** Active candidates ready now or in 1-2 years for the role who would work in the region and type (the rules decide). */
    List<UUID> poolCandidates(BoardRole role, Region region, OrganisationType type);

    /** Stores what a candidate adds to a post; a contribution that does not count removes the pair. */
    void putContribution(UUID postId, UUID candidateId, Contribution contribution);

    /** {@link #putContribution} for one candidate and many posts (the database store: two statements, not one per post). */
    default void putContributions(UUID candidateId, Map<UUID, Contribution> byPost) {
        byPost.forEach((postId, c) -> putContribution(postId, candidateId, c));
    }

    /** Replaces all of a post's contributions. */
    void replaceContributions(UUID postId, Map<UUID, Contribution> byCandidate);

    List<UUID> postsCounting(UUID candidateId);

    /** The numbers of each post, counted from its contributions (posts with none are absent: all zero). */
    Map<UUID, SuccessionNumbers> count(Collection<UUID> postIds);

    /** Every pair lapsing on the earliest day any pair lapses, if that day is on or before {@code day}; else none. */
    List<Expiring> firstExpiringBy(LocalDate day);

    /** The history row written last for a post (null before any). */
    PostSuccessionHistory lastHistory(UUID postId);

    /** {@link #lastHistory} of each of these posts that has one (the database store: one statement). */
    default Map<UUID, PostSuccessionHistory> lastHistories(Collection<UUID> postIds) {
        return existing(postIds, this::lastHistory);
    }

    void add(PostSuccessionHistory row);

    /** {@link #add(PostSuccessionHistory)} for several rows, in this order (the database store: one batch). */
    default void addHistory(List<PostSuccessionHistory> rows) {
        rows.forEach(this::add);
    }

    long historyCount(UUID postId);

    /** What a one-key finder returns for each key, where it returns something. */
    private static <K, V> Map<K, V> existing(Collection<K> keys, Function<K, V> find) {
        Map<K, V> out = new HashMap<>();
        for (K key : keys) {
            V row = find.apply(key);
            if (row != null) {
                out.put(key, row);
            }
        }
        return out;
    }
}
