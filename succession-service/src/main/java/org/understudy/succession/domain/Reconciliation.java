package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reconciliation check, pure: what every post's figures should be, recomputed from the source
 * services' current state with the same {@link SuccessionRules} the view uses, and every way the
 * live view differs from that. It does not replay events: it is an independent second opinion on
 * the view, so a lost, doubled or misapplied event shows up as a difference.
 */
public final class Reconciliation {
    /** The figures compared, in the order differences are reported. */
    public static final List<String> FIELDS = List.of("post", "readyNow", "readySoon", "namedReadyNow", "poolReadyNow",
            "replaceability", "incumbentCandidateId", "interimNamedOn", "applicants", "shortlisted");

    private final SuccessionRules rules;
    private final ReplaceabilityThresholds thresholds;

    public Reconciliation(SuccessionRules rules, ReplaceabilityThresholds thresholds) {
        this.rules = rules;
        this.thresholds = thresholds;
    }

    /** One post's figures, from either side. Null values mean "none" (no incumbent, no open vacancy...). */
    public record PostFigures(UUID postId, SuccessionNumbers numbers, Replaceability replaceability, UUID incumbentCandidateId,
                              LocalDate interimNamedOn, Integer applicants, Integer shortlisted) {

        /** The live view's row, read as the same figures. */
        public static PostFigures of(PostSuccession row) {
            return new PostFigures(row.postId, row.numbers(), row.replaceability, row.incumbentCandidateId,
                    row.interimNamedOn, row.applicants, row.shortlisted);
        }

        Map<String, Object> byField() {
            Map<String, Object> m = new HashMap<>();
            m.put("post", "present");
            m.put("readyNow", numbers.readyNow());
            m.put("readySoon", numbers.readySoon());
            m.put("namedReadyNow", numbers.namedReadyNow());
            m.put("poolReadyNow", numbers.poolReadyNow());
            m.put("replaceability", replaceability);
            m.put("incumbentCandidateId", incumbentCandidateId);
            m.put("interimNamedOn", interimNamedOn);
            m.put("applicants", applicants);
            m.put("shortlisted", shortlisted);
            return m;
        }
    }

    /** A figure of a post that the view holds differently from what the sources say; values as text, "null" for none. */
    public record Difference(UUID postId, String field, String expected, String actual) {
    }

    /** What every post's figures should be on the given day, from the sources alone. */
    public Map<UUID, PostFigures> expected(SourceState sources, LocalDate day) {
        Map<String, OrganisationState> orgs = sources.organisations().stream()
                .collect(Collectors.toMap(OrganisationState::odsCode, Function.identity()));
        Map<UUID, SourceState.Vacancy> inPlay = new HashMap<>();
        for (SourceState.Vacancy v : sources.vacancies()) {
            if (v.status().active()) {
                inPlay.put(v.postId(), v);
            }
        }
        List<CandidateFacts> candidates = sources.candidates().stream().map(Reconciliation::facts).toList();
        Map<UUID, PostFigures> out = new HashMap<>();
        for (PostState post : sources.posts()) {
            OrganisationState org = orgs.get(post.odsCode());
            PostFacts facts = new PostFacts(post.postId(), post.role(), org == null ? null : org.region(),
                    org == null ? null : org.organisationType(), org == null ? null : org.oversightSegment(),
                    post.incumbent() == null ? null : post.incumbent().candidateId());
            List<Contribution> counted = new ArrayList<>();
            for (CandidateFacts c : candidates) {
                Contribution contribution = rules.evaluate(facts, c, day);
                if (contribution.counts()) {
                    counted.add(contribution);
                }
            }
            SuccessionNumbers numbers = SuccessionNumbers.of(counted);
            SourceState.Vacancy open = inPlay.get(post.postId());
            out.put(post.postId(), new PostFigures(post.postId(), numbers, thresholds.classify(numbers.readyNow()),
                    facts.incumbentCandidateId(), post.interimCover() == null ? null : post.interimCover().namedOn(),
                    open == null ? null : open.liveApplications(), open == null ? null : open.shortlistSize()));
        }
        return out;
    }

    /** Every difference between what the sources say and what the view holds, by post id then field. */
    public static List<Difference> compare(Map<UUID, PostFigures> expected, Collection<PostFigures> actual) {
        Map<UUID, PostFigures> live = actual.stream().collect(Collectors.toMap(PostFigures::postId, Function.identity()));
        Set<UUID> ids = new HashSet<>(expected.keySet());
        ids.addAll(live.keySet());
        List<Difference> out = new ArrayList<>();
        for (UUID id : ids.stream().sorted().toList()) {
            PostFigures want = expected.get(id);
            PostFigures got = live.get(id);
            if (want == null || got == null) {
                out.add(new Difference(id, "post", want == null ? "absent" : "present", got == null ? "absent" : "present"));
                continue;
            }
            Map<String, Object> w = want.byField();
            Map<String, Object> g = got.byField();
            for (String field : FIELDS) {
                if (!Objects.equals(w.get(field), g.get(field))) {
                    out.add(new Difference(id, field, String.valueOf(w.get(field)), String.valueOf(g.get(field))));
                }
            }
        }
        out.sort(Comparator.comparing(Difference::postId).thenComparing(d -> FIELDS.indexOf(d.field())));
        return out;
    }

    /** A candidate's event state as the rules see it (an erased one carries only its id and status). */
    static CandidateFacts facts(CandidateState c) {
        Map<BoardRole, CandidateFacts.Assessment> readiness = new EnumMap<>(BoardRole.class);
        if (c.readiness() != null) {
            for (CandidateState.RoleReadiness r : c.readiness()) {
                readiness.put(r.role(), new CandidateFacts.Assessment(r.level(), r.assessedOn()));
            }
        }
        Map<UUID, CandidateFacts.Assessment> nominations = new HashMap<>();
        if (c.nominations() != null) {
            for (CandidateState.Nomination n : c.nominations()) {
                nominations.put(n.postId(), new CandidateFacts.Assessment(n.readiness(), n.nominatedOn()));
            }
        }
        CandidateState.Mobility m = c.mobility();
        CandidateState.FitAndProper fit = c.fitAndProper();
        return new CandidateFacts(c.candidateId(), c.status(), fit == null ? null : fit.status(), fit == null ? null : fit.checkedOn(),
                m == null ? Set.of() : Set.copyOf(m.regions()), m == null ? Set.of() : Set.copyOf(m.organisationTypes()),
                m != null && m.considersChallengedOrganisations(), readiness, nominations);
    }
}
