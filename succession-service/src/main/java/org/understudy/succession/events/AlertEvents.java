package org.understudy.succession.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.events.AppointmentAlertState;
import org.understudy.events.SuccessionAlertState;
import org.understudy.events.SuccessionEventTypes;
import org.understudy.events.Topics;
import org.understudy.platform.outbox.Outbox;
import org.understudy.succession.domain.LastExit;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.ViewListener;
import org.understudy.succession.persistence.AlertLog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts a fold raises, as events for succession-alerts: collected while a poll is folded and
 * written with its change-set, in the same transaction: to the outbox (published once, by the writer) and
 * to the alert log, which queues its webhook deliveries.
 */
@ApplicationScoped
public class AlertEvents {
    @Inject
    Outbox outbox;

    /** A listener that collects the alerts of one fold. */
    public final class Collector implements ViewListener {
        private List<AlertLog.Entry> raised = new ArrayList<>();

        @Override
        public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                       OffsetDateTime effectiveAt, String cause, long sequence) {
            SuccessionAlertState state = new SuccessionAlertState(post.postId, post.odsCode, post.role,
                    organisation == null ? null : organisation.region, organisation == null ? null : organisation.oversightSegment,
                    from.name(), post.replaceability.name(), post.readyNow, effectiveAt, cause);
            Outbox.Pending event = outbox.prepare(Topics.SUCCESSION_ALERTS, SuccessionEventTypes.REPLACEABILITY_FELL, post.postId.toString(),
                    sequence, List.of("replaceability"), state);
            raised.add(entry(event, post, organisation));
        }

        @Override
        public void appointedAfterDismissal(PostSuccession post, OrganisationView organisation, LastExit dismissal,
                                            OffsetDateTime effectiveAt, String cause) {
            AppointmentAlertState state = new AppointmentAlertState(post.postId, post.odsCode, post.role,
                    organisation == null ? null : organisation.region, organisation == null ? null : organisation.oversightSegment,
                    post.incumbentCandidateId, post.incumbentSince, dismissal.date(), dismissal.odsCode(), dismissal.role(), effectiveAt, cause);
            Outbox.Pending event = outbox.prepare(Topics.SUCCESSION_ALERTS, SuccessionEventTypes.APPOINTED_AFTER_DISMISSAL,
                    post.postId.toString(), post.version, List.of("incumbent"), state);
            raised.add(entry(event, post, organisation));
        }

        private AlertLog.Entry entry(Outbox.Pending event, PostSuccession post, OrganisationView organisation) {
            return new AlertLog.Entry(event, post.postId, post.odsCode, post.role, organisation == null ? null : organisation.region,
                    organisation == null ? null : organisation.organisationType, organisation == null ? null : organisation.oversightSegment,
                    organisation == null ? null : organisation.integratedCareBoardCode);
        }

        /** The alerts raised since the last call. */
        public List<AlertLog.Entry> take() {
            List<AlertLog.Entry> taken = raised;
            raised = new ArrayList<>();
            return taken;
        }
    }

    public Collector collector() {
        return new Collector();
    }
}
