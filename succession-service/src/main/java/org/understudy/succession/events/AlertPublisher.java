package org.understudy.succession.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.events.SuccessionAlertState;
import org.understudy.events.SuccessionEventTypes;
import org.understudy.events.Topics;
import org.understudy.platform.outbox.Outbox;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.Replaceability;

import java.time.OffsetDateTime;
import java.util.List;

/** Publishes succession alerts on succession-alerts through the outbox (with the view change, in its transaction). */
@ApplicationScoped
public class AlertPublisher {
    @Inject
    Outbox outbox;

    public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                   OffsetDateTime effectiveAt, String cause, long sequence) {
        SuccessionAlertState state = new SuccessionAlertState(post.postId, post.odsCode, post.role,
                organisation == null ? null : organisation.region, organisation == null ? null : organisation.oversightSegment,
                from.name(), post.replaceability.name(), post.readyNow, effectiveAt, cause);
        outbox.append(Topics.SUCCESSION_ALERTS, SuccessionEventTypes.REPLACEABILITY_FELL, post.postId.toString(),
                sequence, List.of("replaceability"), state);
    }
}
