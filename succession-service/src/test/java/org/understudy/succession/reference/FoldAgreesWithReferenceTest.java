package org.understudy.succession.reference;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.understudy.succession.domain.AlertRule;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.ReplaceabilityThresholds;
import org.understudy.succession.domain.SuccessionRules;
import org.understudy.succession.domain.ViewListener;
import org.understudy.succession.domain.ViewMaintenance;
import org.understudy.succession.domain.ViewState;
import org.understudy.succession.events.EventRecords;

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
        folded.maintenance.expireUpTo(history.lastDay());
        folded.keepHistory();

        assertEquals(null, ReferenceView.firstDifference(model.history(), folded.history), history::toString);
        assertEquals(sorted(model.alerts()), sorted(folded.alerts), history::toString);
    }

    /** The model that counts once at the end gives each post's last history row: the fault suite's check relies on it. */
    @Property(tries = 300)
    void countingOnceAtTheEndGivesTheLastRowOfEveryPost(@ForAll("histories") History history) {
        List<ConsumerRecord<String, String>> records = history.records();
        ReferenceView everyEvent = new ReferenceView();
        ReferenceView atTheEnd = ReferenceView.endNumbersOnly();
        records.forEach(r -> {
            everyEvent.apply(r.value());
            atTheEnd.apply(r.value());
        });
        everyEvent.passTo(history.lastDay());
        atTheEnd.passTo(history.lastDay());

        Map<UUID, ReferenceView.Row> last = new LinkedHashMap<>();
        everyEvent.history().forEach((post, rows) -> last.put(post, numbers(rows.get(rows.size() - 1))));
        Map<UUID, ReferenceView.Row> now = new LinkedHashMap<>();
        atTheEnd.now().forEach((post, row) -> now.put(post, numbers(row)));
        assertEquals(last, now, history::toString);
    }

    private static ReferenceView.Row numbers(ReferenceView.Row row) {
        return new ReferenceView.Row(null, null, row.readyNow(), row.readySoon(), row.namedReadyNow(), row.poolReadyNow(),
                row.replaceability(), null, null, null, null, null, null);
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
    private static final class Folded implements ViewListener {
        final Map<UUID, List<ReferenceView.Row>> history = new LinkedHashMap<>();
        final List<ReferenceView.Alert> alerts = new ArrayList<>();
        final ViewState view = new ViewState();
        final ViewMaintenance maintenance = new ViewMaintenance(view, this, SuccessionRules.DEFAULT,
                ReplaceabilityThresholds.DEFAULT, new AlertRule(Replaceability.VIABLE, Set.of(4, 5)), Clock.systemUTC());

        void apply(ConsumerRecord<String, String> record) {
            EventRecords.Read read = EventRecords.read(record);
            if (read.applicable()) {
                maintenance.apply(read.state(), read.version(), read.cause());
            }
            keepHistory();
        }

        void keepHistory() {
            for (PostSuccessionHistory h : view.takeChanges().history()) {
                history.computeIfAbsent(h.postId, k -> new ArrayList<>()).add(ReferenceRows.of(h));
            }
        }

        @Override
        public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                       OffsetDateTime effectiveAt, String cause, long sequence) {
            alerts.add(new ReferenceView.Alert(post.postId, from.name(), post.replaceability.name(), effectiveAt));
        }
    }
}
