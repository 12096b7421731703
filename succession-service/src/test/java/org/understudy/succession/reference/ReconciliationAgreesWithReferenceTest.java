package org.understudy.succession.reference;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.understudy.events.CandidateState;
import org.understudy.events.CloudEvent;
import org.understudy.events.ContractViolation;
import org.understudy.events.EventContract;
import org.understudy.events.EventJson;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.VacancyState;
import org.understudy.succession.domain.Reconciliation;
import org.understudy.succession.domain.ReplaceabilityThresholds;
import org.understudy.succession.domain.SourceState;
import org.understudy.succession.domain.SuccessionRules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reconciliation check uses the view's own rules, so a wrong rule would pass it. A second
 * opinion: on generated histories, the figures it expects from the sources' current state (the latest
 * version of every aggregate) must be the reference model's figures for the same day.
 */
class ReconciliationAgreesWithReferenceTest {
    private static final Reconciliation RECONCILIATION = new Reconciliation(SuccessionRules.DEFAULT, ReplaceabilityThresholds.DEFAULT);

    @Property(tries = 300)
    void reconciliationExpectsWhatTheDefinitionGives(@ForAll("histories") History history) throws Exception {
        List<ConsumerRecord<String, String>> records = history.records();
        ReferenceView model = new ReferenceView();
        records.forEach(r -> model.apply(r.value()));
        model.passTo(history.lastDay());

        Map<UUID, String> expected = new TreeMap<>();
        RECONCILIATION.expected(sources(records), history.lastDay()).forEach((post, f) -> expected.put(post,
                f.numbers().readyNow() + "/" + f.numbers().readySoon() + "/" + f.numbers().namedReadyNow() + "/"
                        + f.numbers().poolReadyNow() + " " + f.replaceability()));
        Map<UUID, String> defined = new TreeMap<>();
        model.history().forEach((post, rows) -> {
            ReferenceView.Row last = rows.get(rows.size() - 1);
            defined.put(post, last.readyNow() + "/" + last.readySoon() + "/" + last.namedReadyNow() + "/" + last.poolReadyNow()
                    + " " + last.replaceability());
        });
        assertEquals(defined, expected, history::toString);
    }

    @Provide
    Arbitrary<History> histories() {
        return Histories.histories();
    }

    /** What the source services hold at the end: the latest version of every aggregate on the topics. */
    private static SourceState sources(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<String, Latest> latest = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            CloudEvent event;
            try {
                event = EventContract.parse(r.value());
            } catch (ContractViolation malformed) {
                continue;
            }
            long version = event.data().get("version").asLong();
            latest.merge(event.type().split("\\.")[3] + ":" + r.key(), new Latest(version, event.data().get("state")),
                    (a, b) -> b.version() > a.version() ? b : a);
        }
        List<OrganisationState> organisations = new java.util.ArrayList<>();
        List<PostState> posts = new java.util.ArrayList<>();
        List<SourceState.Vacancy> vacancies = new java.util.ArrayList<>();
        List<CandidateState> candidates = new java.util.ArrayList<>();
        for (Map.Entry<String, Latest> e : latest.entrySet()) {
            JsonNode state = e.getValue().state();
            switch (e.getKey().substring(0, e.getKey().indexOf(':'))) {
                case "organisation" -> organisations.add(EventJson.mapper().treeToValue(state, OrganisationState.class));
                case "post" -> posts.add(EventJson.mapper().treeToValue(state, PostState.class));
                case "vacancy" -> {
                    VacancyState v = EventJson.mapper().treeToValue(state, VacancyState.class);
                    vacancies.add(new SourceState.Vacancy(v.vacancyId(), v.postId(), v.status(),
                            v.applicationsReceived() - v.applicationsWithdrawn(), v.shortlistSize()));
                }
                default -> candidates.add(EventJson.mapper().treeToValue(state, CandidateState.class));
            }
        }
        return new SourceState(organisations, posts, vacancies, candidates);
    }

    private record Latest(long version, JsonNode state) {
    }
}
