package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.CandidateState;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.VacancyState;
import org.understudy.succession.events.AlertPublisher;
import org.understudy.succession.events.ViewChanges;
import org.understudy.succession.persistence.SqlViewStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The live view: {@link ViewMaintenance} on the database, inside the caller's transaction, with the
 * live stream told of each change and alerts published. Every change runs under the view's lock
 * ({@link #lock()}).
 */
@ApplicationScoped
public class SuccessionView {

    @Inject
    SqlViewStore store;

    @Inject
    SuccessionSettings settings;

    @Inject
    AlertPublisher alerts;

    @Inject
    ViewChanges changes;

    @Inject
    Clock clock;

    private volatile ViewMaintenance maintenance;

    /** The algorithm bound to the database and the live listeners. */
    public ViewMaintenance maintenance() {
        ViewMaintenance m = maintenance;
        if (m == null) {
            m = new ViewMaintenance(store, new ViewListener() {
                @Override
                public void changed(PostSuccession post) {
                    changes.changed(post.postId);
                }

                @Override
                public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                               OffsetDateTime effectiveAt, String cause, long sequence) {
                    alerts.replaceabilityFell(post, organisation, from, effectiveAt, cause, sequence);
                }
            }, settings, clock);
            maintenance = m;
        }
        return m;
    }

    /**
     * Takes the view's write lock until the transaction ends. Every change of the view (both
     * consumers, the expiry sweep, a rebuild, and other instances sharing the database) runs under
     * it: a change reads what it depends on (posts, candidates) and writes counts derived from it,
     * so two changes at once could each miss the other's writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        store.lock();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyOrganisation(OrganisationState state, long version, ViewMaintenance.Cause cause) {
        return maintenance().applyOrganisation(state, version, cause);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyPost(PostState state, long version, ViewMaintenance.Cause cause) {
        return maintenance().applyPost(state, version, cause);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyVacancy(VacancyState state, long version, ViewMaintenance.Cause cause) {
        return maintenance().applyVacancy(state, version, cause);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyCandidate(CandidateState state, long version, ViewMaintenance.Cause cause) {
        return maintenance().applyCandidate(state, version, cause);
    }

    /**
     * Lets time pass up to (and including) a day (see {@link ViewMaintenance#expireUpTo}).
     *
     * @return how many (post, candidate) pairs were re-evaluated
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int expireUpTo(LocalDate day) {
        return maintenance().expireUpTo(day);
    }
}
