package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A post's numbers day by day as the dated facts the view holds now say they were: each candidate
 * counted with the same {@link SuccessionRules} on each day, from the day each fact took effect (an
 * assessment's or a nomination's date, a fit-and-proper check's date, a holder's tenure), whenever the
 * fact arrived. A fact that arrives late (imported, or recorded after the event) is placed at its date,
 * and every day after it is counted with it.
 *
 * <p>An assessment replaced by a later one for the same role counts on its own days, until the later
 * one's date. What the view does not hold dated is taken as it is now: the candidate's status and
 * mobility, the organisation's region, type and segment.
 */
public final class EffectiveHistory {

    /** Who held the post from a day (null: since before anything known) until a day (exclusive; null: still). */
    public record Holding(UUID candidateId, LocalDate from, LocalDate until) {
        boolean holds(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
        }
    }

    /** The post's numbers from a day on (until the next entry). */
    public record Entry(LocalDate on, SuccessionNumbers numbers, Replaceability replaceability, UUID incumbentCandidateId) {
    }

    private EffectiveHistory() {
    }

    /**
     * The holders of a post over time: each departure ends a tenure begun at the departure before it
     * (when the post's earlier holders are not known, at nothing known); the current holder's began on
     * their start date.
     */
    public static List<Holding> holdings(List<PostDeparture> departures, UUID incumbent, LocalDate since) {
        List<Holding> out = new ArrayList<>();
        LocalDate previous = null;
        for (PostDeparture d : departures.stream().sorted(Comparator.comparing(PostDeparture::date)).toList()) {
            out.add(new Holding(d.candidateId(), previous, d.date()));
            previous = d.date();
        }
        if (incumbent != null) {
            out.add(new Holding(incumbent, since, null));
        }
        return out;
    }

    /**
     * The entries from {@code from} to {@code to} (inclusive): the first on {@code from}, then one on each
     * day the numbers, the replaceability or the holder changed.
     *
     * @param post       the post; its incumbent is taken from {@code holdings} day by day
     * @param candidates everyone who might count for the post on some day (named for it, or assessed for its role)
     * @param replaced   by candidate, their assessments for the post's role that a later one replaced
     */
    public static List<Entry> of(PostFacts post, List<Holding> holdings, Collection<CandidateFacts> candidates,
                                 Map<UUID, List<CandidateFacts.Assessment>> replaced, SuccessionRules rules,
                                 ReplaceabilityThresholds thresholds, LocalDate from, LocalDate to) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(from);
        for (Holding h : holdings) {
            within(days, h.from(), from, to);
            within(days, h.until(), from, to);
        }
        for (CandidateFacts c : candidates) {
            within(days, c.fitCheckedOn(), from, to);
            CandidateFacts.Assessment pool = c.readiness().get(post.role());
            within(days, pool == null ? null : pool.on(), from, to);
            CandidateFacts.Assessment named = c.nominations().get(post.postId());
            within(days, named == null ? null : named.on(), from, to);
            replaced.getOrDefault(c.candidateId(), List.of()).forEach(a -> within(days, a.on(), from, to));
        }
        List<Entry> entries = new ArrayList<>();
        for (LocalDate next = days.first(); next != null; next = days.higher(next)) {
            LocalDate day = next;
            UUID holder = holdings.stream().filter(h -> h.holds(day)).map(Holding::candidateId).filter(Objects::nonNull)
                    .reduce((first, later) -> later).orElse(null);
            PostFacts then = new PostFacts(post.postId(), post.role(), post.region(), post.organisationType(), post.oversightSegment(), holder);
            int readyNow = 0;
            int readySoon = 0;
            int named = 0;
            int pool = 0;
            for (CandidateFacts c : candidates) {
                Contribution counted = rules.evaluate(then, asOf(c, post.role(), replaced.getOrDefault(c.candidateId(), List.of()), day), day);
                if (!counted.counts()) {
                    continue;
                }
                readyNow += counted.level() == Contribution.Level.NOW ? 1 : 0;
                readySoon += counted.level() == Contribution.Level.SOON ? 1 : 0;
                named += counted.namedNow() ? 1 : 0;
                pool += counted.poolNow() ? 1 : 0;
                within(days, counted.expiresOn(), from, to);
            }
            SuccessionNumbers numbers = new SuccessionNumbers(readyNow, readySoon, named, pool);
            Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last == null || !last.numbers().equals(numbers) || !Objects.equals(last.incumbentCandidateId(), holder)) {
                entries.add(new Entry(day, numbers, thresholds.classify(readyNow), holder));
            }
        }
        return entries;
    }

    /**
     * A candidate as they stood on a day: their assessment for the role the latest made by then (a later one
     * had not yet replaced it), and no fit-and-proper check if theirs was made later.
     */
    static CandidateFacts asOf(CandidateFacts c, BoardRole role, List<CandidateFacts.Assessment> replaced, LocalDate day) {
        CandidateFacts.Assessment current = c.readiness().get(role);
        Map<BoardRole, CandidateFacts.Assessment> readiness = c.readiness();
        if (current != null && current.on().isAfter(day)) {
            readiness = new EnumMap<>(c.readiness());
            CandidateFacts.Assessment then = replaced.stream().filter(a -> !a.on().isAfter(day))
                    .max(Comparator.comparing(CandidateFacts.Assessment::on)).orElse(null);
            if (then == null) {
                readiness.remove(role);
            } else {
                readiness.put(role, then);
            }
        }
        boolean checkedLater = c.fitCheckedOn() != null && c.fitCheckedOn().isAfter(day);
        return new CandidateFacts(c.candidateId(), c.status(), checkedLater ? FitAndProperStatus.PENDING : c.fitStatus(),
                checkedLater ? null : c.fitCheckedOn(), c.regions(), c.organisationTypes(), c.considersChallenged(), readiness, c.nominations());
    }

    private static void within(TreeSet<LocalDate> days, LocalDate day, LocalDate from, LocalDate to) {
        if (day != null && day.isAfter(from) && !day.isAfter(to)) {
            days.add(day);
        }
    }
}
