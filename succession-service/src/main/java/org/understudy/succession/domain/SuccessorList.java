package org.understudy.succession.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.ReadinessLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The people behind a post's numbers (docs/succession-view.md, "Successor list"): who counts, with the
 * dates their counting rests on, and who is named as successor but does not count, with the rules that
 * exclude them. Candidates appear as ids only; candidate-service adds names for callers who may see them.
 */
@Schema(name = "SuccessorList")
public record SuccessorList(UUID postId, String odsCode, BoardRole role,
                            @Schema(description = "The day the exclusions were judged on (today)") LocalDate day,
                            @Schema(description = "Who counts: ready now first, then ready in 1-2 years") List<Successor> counting,
                            @Schema(description = "Named as successor for the post but not counted, each with why") List<Successor> namedNotCounting) {

    /** A readiness (for the role, or the nomination for this post): its level, date, and the first day it no longer counts. */
    public record Assessment(ReadinessLevel level, LocalDate on,
                             @Schema(description = "The first day it no longer counts (stale); null for a level that never counts") LocalDate staleFrom) {
    }

    /** The candidate's fit-and-proper check, and the first day it no longer holds (null: it never did). */
    public record FitAndProper(FitAndProperStatus status, LocalDate checkedOn, LocalDate lapsesOn) {
    }

    /** A rule that excludes a named successor, with its code and plain words. */
    public record Reason(Exclusion code, String words) {
    }

    /**
     * @param level       NOW or SOON for who counts; null for who does not
     * @param named       whether they are named as successor for this post
     * @param countsUntil the first day their counting may end (an assessment goes stale, a check lapses)
     * @param exclusions  why a named successor does not count; empty for who counts
     */
    public record Successor(UUID candidateId, Contribution.Level level, boolean named, Assessment nomination, Assessment roleReadiness,
                            FitAndProper fitAndProper, LocalDate countsUntil, List<Reason> exclusions) {
    }

    /**
     * Builds the list.
     *
     * @param counting who counts, as the view holds it (its numbers are these people)
     * @param named    who is named as successor for the post
     * @param facts    the rules' facts about all of them (ids the view does not hold are left out of the list)
     */
    public static SuccessorList of(PostFacts post, String odsCode, Map<UUID, Contribution> counting, List<UUID> named,
                                   Map<UUID, CandidateFacts> facts, SuccessionRules rules, LocalDate day) {
        Set<UUID> nominated = new LinkedHashSet<>(named);
        List<Successor> counts = new ArrayList<>();
        counting.forEach((id, contribution) -> {
            CandidateFacts c = facts.get(id);
            if (c != null) {
                counts.add(successor(post, c, contribution.level(), nominated.contains(id), contribution.expiresOn(), List.of(), rules));
            }
        });
        counts.sort(Comparator.comparing((Successor s) -> s.level()).thenComparing(s -> !s.named()).thenComparing(Successor::candidateId));
        List<Successor> excluded = new ArrayList<>();
        for (UUID id : nominated) {
            CandidateFacts c = facts.get(id);
            if (c != null && !counting.containsKey(id)) {
                List<Reason> why = rules.exclusions(post, c, day).stream().map(e -> new Reason(e, e.words())).toList();
                excluded.add(successor(post, c, null, true, null, why, rules));
            }
        }
        return new SuccessorList(post.postId(), odsCode, post.role(), day, counts, excluded);
    }

    private static Successor successor(PostFacts post, CandidateFacts c, Contribution.Level level, boolean named, LocalDate until,
                                       List<Reason> why, SuccessionRules rules) {
        return new Successor(c.candidateId(), level, named, assessment(c.nominations().get(post.postId()), rules),
                assessment(c.readiness().get(post.role()), rules),
                new FitAndProper(c.fitStatus(), c.fitCheckedOn(), rules.fitCheckExpires(c)), until, why);
    }

    private static Assessment assessment(CandidateFacts.Assessment a, SuccessionRules rules) {
        return a == null ? null : new Assessment(a.level(), a.on(), rules.staleFrom(a));
    }
}
