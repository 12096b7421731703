package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.platform.inbox.Inbox;
import org.understudy.succession.domain.CandidateFacts;
import org.understudy.succession.domain.CandidateView;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.EventPosition;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.SuccessionNumbers;
import org.understudy.succession.domain.VacancyView;
import org.understudy.succession.domain.ViewStore;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The view in the database, for the live consumers: each question one statement (or a row the
 * transaction already holds), inside the caller's transaction.
 */
@ApplicationScoped
public class SqlViewStore implements ViewStore {
    /** The view's advisory lock ("Successi"). */
    private static final long VIEW_LOCK = 0x5375_6363_6573_7369L;
    private static final Object LOCKED = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    ViewVersion viewVersion;

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

    @Override
    public void lock() {
        // Held until the transaction ends; a consumer applies a whole poll in one transaction, so ask once.
        if (transactions.getResource(LOCKED) != null) {
            return;
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", VIEW_LOCK).getSingleResult();
        transactions.putResource(LOCKED, Boolean.TRUE);
    }

    @Override
    public boolean recordFirstDelivery(EventPosition p) {
        return inbox.recordFirstDelivery(p.eventId(), p.type(), p.topic(), p.partition(), p.offset());
    }

    @Override
    public void versionMoved() {
        viewVersion.bump();
    }

    @Override
    public OrganisationView organisation(String odsCode) {
        return odsCode == null ? null : em.find(OrganisationView.class, odsCode);
    }

    @Override
    public Map<String, OrganisationView> organisations(Collection<String> odsCodes) {
        return organisations.byCodes(odsCodes);
    }

    @Override
    public void add(OrganisationView row) {
        organisations.persist(row);
    }

    @Override
    public PostSuccession post(UUID postId) {
        return em.find(PostSuccession.class, postId);
    }

    @Override
    public Map<UUID, PostSuccession> posts(Collection<UUID> postIds) {
        return posts.byIds(postIds);
    }

    @Override
    public void add(PostSuccession row) {
        posts.persist(row);
    }

    @Override
    public VacancyView vacancy(UUID vacancyId) {
        return em.find(VacancyView.class, vacancyId);
    }

    @Override
    public void add(VacancyView row) {
        vacancies.persist(row);
    }

    @Override
    public CandidateView candidate(UUID candidateId) {
        return em.find(CandidateView.class, candidateId);
    }

    @Override
    public void add(CandidateView row) {
        candidates.persist(row);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public List<UUID> postsOf(String odsCode) {
        return posts.postsOf(odsCode);
    }

    @Override
    public List<UUID> poolPosts(Set<BoardRole> roles, Set<Region> regions, Set<OrganisationType> types) {
        return posts.poolPosts(roles, regions, types);
    }

    @Override
    public List<VacancyView> vacanciesOf(UUID postId) {
        return vacancies.forPost(postId);
    }

    @Override
    public void replaceCandidateDetails(UUID candidateId, CandidateState state, boolean keep) {
        candidates.replaceDetails(candidateId, state, keep);
    }

    @Override
    public Map<UUID, CandidateFacts> candidateFacts(Collection<UUID> candidateIds) {
        return candidates.facts(candidateIds);
    }

    @Override
    public List<UUID> nominatedFor(UUID postId) {
        return candidates.nominatedFor(postId);
    }

    @Override
    public List<UUID> poolCandidates(BoardRole role, Region region, OrganisationType type) {
        return candidates.poolCandidates(role, region, type);
    }

    @Override
    public void putContribution(UUID postId, UUID candidateId, Contribution contribution) {
        contributions.put(postId, candidateId, contribution);
    }

    @Override
    public void putContributions(UUID candidateId, Map<UUID, Contribution> byPost) {
        contributions.putForCandidate(candidateId, byPost);
    }

    @Override
    public void replaceContributions(UUID postId, Map<UUID, Contribution> byCandidate) {
        contributions.replaceForPost(postId, byCandidate);
    }

    @Override
    public List<UUID> postsCounting(UUID candidateId) {
        return contributions.postsCounting(candidateId);
    }

    @Override
    public Map<UUID, SuccessionNumbers> count(Collection<UUID> postIds) {
        return contributions.count(postIds);
    }

    @Override
    public List<Expiring> firstExpiringBy(LocalDate day) {
        return contributions.firstExpiringBy(day);
    }

    @Override
    public PostSuccessionHistory lastHistory(UUID postId) {
        return history.lastWritten(postId);
    }

    @Override
    public Map<UUID, PostSuccessionHistory> lastHistories(Collection<UUID> postIds) {
        return history.lastWritten(postIds);
    }

    @Override
    public void add(PostSuccessionHistory row) {
        history.persist(row);
    }

    @Override
    public void addHistory(List<PostSuccessionHistory> rows) {
        history.insertAll(rows);
    }

    @Override
    public long historyCount(UUID postId) {
        return history.count("postId", postId);
    }
}
