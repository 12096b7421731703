package org.understudy.succession.reference;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.succession.domain.AlertRule;
import org.understudy.succession.domain.EventPosition;
import org.understudy.succession.domain.MemoryViewStore;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.ReplaceabilityThresholds;
import org.understudy.succession.domain.SuccessionRules;
import org.understudy.succession.domain.ViewListener;
import org.understudy.succession.domain.ViewMaintenance;
import org.understudy.succession.events.EventApplier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service's fold of the events (the rules and the incremental bookkeeping, in memory) against
 * the reference model, on generated histories: every post's whole history (so every as-of answer)
 * and every alert must be the same. jqwik prints the seed of a failure and shrinks it to a minimal
 * history.
 */
class FoldAgreesWithReferenceTest {

    @Property(tries = 1000, shrinking = net.jqwik.api.ShrinkingMode.FULL)
    void theFoldGivesTheHistoryTheDefinitionGives(@ForAll("histories") History history) {
        List<ConsumerRecord<String, String>> records = history.records();
        ReferenceView model = new ReferenceView();
        records.forEach(r -> model.apply(r.value()));
        model.passTo(history.lastDay());

        Folded folded = new Folded();
        records.forEach(folded::apply);
        folded.view.expireUpTo(history.lastDay());

        assertEquals(null, ReferenceView.firstDifference(model.history(), folded.history), history::toString);
        assertEquals(sorted(model.alerts()), sorted(folded.alerts), history::toString);
    }

    /** Alerts in the order of their instants, then posts (alerts of one instant come in no particular order). */
    static List<ReferenceView.Alert> sorted(List<ReferenceView.Alert> alerts) {
        return alerts.stream().sorted(java.util.Comparator.comparing(ReferenceView.Alert::effectiveAt)
                .thenComparing(ReferenceView.Alert::postId)).toList();
    }

    @Provide
    Arbitrary<History> histories() {
        return Histories.histories();
    }

    /** The service's fold in memory, its history rows and alerts kept as the model writes them. */
    private static final class Folded implements MemoryViewStore.Spill, ViewListener {
        final Map<UUID, List<ReferenceView.Row>> history = new LinkedHashMap<>();
        final List<ReferenceView.Alert> alerts = new ArrayList<>();
        final ViewMaintenance view = new ViewMaintenance(new MemoryViewStore(this, 1_000), this, SuccessionRules.DEFAULT,
                ReplaceabilityThresholds.DEFAULT, new AlertRule(Replaceability.VIABLE, Set.of(4, 5)), Clock.systemUTC());

        void apply(ConsumerRecord<String, String> record) {
            CloudEvent event = EventContract.parse(record.value());
            EventApplier.Parsed parsed = new EventApplier.Parsed(event, new EventPosition(UUID.fromString(event.id()), event.type(),
                    record.topic(), record.partition(), record.offset(), event.time()));
            EventApplier.applyTo(view, EventApplier.decode(parsed));
        }

        @Override
        public void history(PostSuccessionHistory h) {
            history.computeIfAbsent(h.postId, k -> new ArrayList<>()).add(new ReferenceView.Row(h.effectiveAt, h.cause, h.readyNow,
                    h.readySoon, h.namedReadyNow, h.poolReadyNow, h.replaceability.name(), h.applicants, h.shortlisted,
                    h.lastShortlistSize, h.incumbentCandidateId, h.interimCandidateId, h.interimNamedOn));
        }

        @Override
        public void applied(EventPosition position) {
        }

        @Override
        public void changed(PostSuccession post) {
        }

        @Override
        public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                       OffsetDateTime effectiveAt, String cause, long sequence) {
            alerts.add(new ReferenceView.Alert(post.postId, from.name(), post.replaceability.name(), effectiveAt));
        }
    }
}
