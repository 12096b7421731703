package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.succession.persistence.OrganisationViewRepository;
import org.understudy.succession.persistence.PostSuccessionRepository;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps the stored view in step with the events: upserts by aggregate version and ignores
 * anything not newer, so that replays, duplicates and reordering change nothing.
 */
@ApplicationScoped
public class SuccessionView {
    @Inject
    OrganisationViewRepository organisations;

    @Inject
    PostSuccessionRepository posts;

    @Inject
    SuccessionSettings settings;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyOrganisation(OrganisationState state, long version) {
        OrganisationView row = organisations.findByIdOptional(state.odsCode()).orElse(null);
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
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
        return Applied.CHANGED;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyPost(PostState state, long version, EventPosition position) {
        PostSuccession row = posts.findByIdOptional(state.postId()).orElse(null);
        if (row != null && row.version >= version) {
            return Applied.STALE;
        }
        boolean isNew = row == null;
        if (isNew) {
            // A new post: no candidate events have named anyone for it yet.
            row = new PostSuccession();
            row.postId = state.postId();
            row.readyNow = 0;
            row.readySoon = 0;
            row.namedReadyNow = 0;
            row.poolReadyNow = 0;
            row.replaceability = settings.thresholds().classify(0);
        }
        row.odsCode = state.odsCode();
        row.role = state.role();
        row.version = version;
        reflect(row, position);
        if (isNew) {
            posts.persist(row); // after filling it: an insert takes the state as it is at persist time
        }
        return Applied.CHANGED;
    }

    private void reflect(PostSuccession row, EventPosition position) {
        row.lastEventId = position.eventId();
        row.lastTopic = position.topic();
        row.lastPartition = position.partition();
        row.lastOffset = position.offset();
        row.updatedAt = OffsetDateTime.now(clock);
    }
}
