package org.understudy.succession.domain;

import org.understudy.events.ExitReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The aggregates by region, organisation type, oversight segment or integrated care board (docs/succession-view.md, "Aggregates"),
 * as a pure function of one row per post and the counts of exits by reason.
 */
public final class SuccessionSummary {
    /** The group of posts (or exits) whose organisation is not known to the view yet. */
    public static final String UNKNOWN = "UNKNOWN";

    private SuccessionSummary() {
    }

    /** What a summary groups by; {@link #parameter()} is its name in the API. */
    public enum GroupBy {
        REGION("region"), ORGANISATION_TYPE("organisationType"), SEGMENT("segment"), INTEGRATED_CARE_BOARD("integratedCareBoard");

        private final String parameter;

        GroupBy(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        /** Null for a name that is none of them. */
        public static GroupBy ofParameter(String name) {
            for (GroupBy g : values()) {
                if (g.parameter.equals(name)) {
                    return g;
                }
            }
            return null;
        }

        String keyOf(Region region, OrganisationType type, Integer segment, String integratedCareBoard) {
            Object key = switch (this) {
                case REGION -> region;
                case ORGANISATION_TYPE -> type;
                case SEGMENT -> segment;
                case INTEGRATED_CARE_BOARD -> integratedCareBoard;
            };
            return key == null ? UNKNOWN : key.toString();
        }

        /** Enum order for regions and types, number order for segments, ICB codes alphabetically; UNKNOWN last. */
        Comparator<String> order() {
            if (this == INTEGRATED_CARE_BOARD) {
                return Comparator.comparing((String k) -> k.equals(UNKNOWN)).thenComparing(Comparator.naturalOrder());
            }
            Function<String, Integer> rank = switch (this) {
                case REGION -> k -> Region.valueOf(k).ordinal();
                case ORGANISATION_TYPE -> k -> OrganisationType.valueOf(k).ordinal();
                case SEGMENT -> Integer::valueOf;
                case INTEGRATED_CARE_BOARD -> throw new IllegalStateException("ordered above");
            };
            return Comparator.comparing((String k) -> k.equals(UNKNOWN) ? Integer.MAX_VALUE : rank.apply(k));
        }
    }

    /**
     * One post.
     *
     * @param daysVacant              of the post's most recent vacancy; null when it never had one advertised
     * @param credible                whether a dismissal would be credible ({@link DismissalReadiness#credible})
     * @param appointedAfterDismissal whether its incumbent's most recent exit before they started was a dismissal
     * @param integratedCareBoard     the ODS code of the ICB overseeing its organisation (null: none known)
     */
    public record PostRow(Region region, OrganisationType organisationType, Integer oversightSegment, int readyNow,
                          Integer lastShortlistSize, Integer daysVacant, boolean credible, boolean appointedAfterDismissal,
                          String integratedCareBoard) {
    }

    /** Exits for one reason in the period at organisations of one region, type, segment and ICB (null: unknown). */
    public record ExitCount(Region region, OrganisationType organisationType, Integer oversightSegment, String integratedCareBoard,
                            ExitReason reason, long count) {
    }

    /** Exits by kind: voluntary (resigned, retired, moved), by mutual agreement (settlement), dismissals. */
    public record ExitTally(long voluntary, long mutualAgreement, long dismissed) {
        static final ExitTally NONE = new ExitTally(0, 0, 0);

        static ExitTally of(ExitReason reason, long count) {
            return switch (reason) {
                case DISMISSED -> new ExitTally(0, 0, count);
                case MUTUAL_AGREEMENT -> new ExitTally(0, count, 0);
                case RESIGNED, RETIRED, MOVED -> new ExitTally(count, 0, 0);
            };
        }

        ExitTally plus(ExitTally o) {
            return new ExitTally(voluntary + o.voluntary, mutualAgreement + o.mutualAgreement, dismissed + o.dismissed);
        }
    }

    /**
     * The figures of one group (or of the country).
     *
     * @param credibleDismissalShare credible posts / posts, rounded to 4 places; null for no posts
     */
    public record Figures(String group, int posts, int postsWithNoReadyNow, Double medianDepth, Double medianLastShortlist,
                          Double medianDaysVacant, long voluntaryExitsLast12Months, long mutualAgreementExitsLast12Months,
                          long dismissalsLast12Months, int appointmentsAfterDismissal, Double credibleDismissalShare) {
    }

    /** The groups in order (a group with exits but no posts is included), and the national totals. */
    public record Summary(GroupBy groupBy, List<Figures> groups, Figures national) {
    }

    public static Summary of(GroupBy groupBy, Collection<PostRow> posts, Collection<ExitCount> exits) {
        Map<String, List<PostRow>> postsByKey = new TreeMap<>(groupBy.order());
        Map<String, ExitTally> exitsByKey = new TreeMap<>(groupBy.order());
        for (PostRow p : posts) {
            postsByKey.computeIfAbsent(groupBy.keyOf(p.region(), p.organisationType(), p.oversightSegment(), p.integratedCareBoard()), k -> new ArrayList<>()).add(p);
        }
        ExitTally totalExits = ExitTally.NONE;
        for (ExitCount e : exits) {
            ExitTally tally = ExitTally.of(e.reason(), e.count());
            exitsByKey.merge(groupBy.keyOf(e.region(), e.organisationType(), e.oversightSegment(), e.integratedCareBoard()), tally, ExitTally::plus);
            totalExits = totalExits.plus(tally);
        }
        Map<String, Boolean> keys = new TreeMap<>(groupBy.order());
        postsByKey.keySet().forEach(k -> keys.put(k, true));
        exitsByKey.keySet().forEach(k -> keys.put(k, true));
        List<Figures> groups = new ArrayList<>();
        for (String key : keys.keySet()) {
            groups.add(figures(key, postsByKey.getOrDefault(key, List.of()), exitsByKey.getOrDefault(key, ExitTally.NONE)));
        }
        return new Summary(groupBy, List.copyOf(groups), figures("NATIONAL", List.copyOf(posts), totalExits));
    }

    private static Figures figures(String group, List<PostRow> posts, ExitTally exits) {
        int credible = (int) posts.stream().filter(PostRow::credible).count();
        return new Figures(group, posts.size(),
                (int) posts.stream().filter(p -> p.readyNow() == 0).count(),
                median(posts.stream().map(p -> (Integer) p.readyNow()).toList()),
                median(posts.stream().map(PostRow::lastShortlistSize).toList()),
                median(posts.stream().map(PostRow::daysVacant).toList()),
                exits.voluntary(), exits.mutualAgreement(), exits.dismissed(),
                (int) posts.stream().filter(PostRow::appointedAfterDismissal).count(),
                posts.isEmpty() ? null : Math.round(credible * 10_000.0 / posts.size()) / 10_000.0);
    }

    /** The median of the values that are not null (the mean of the middle two for an even count); null for none. */
    public static Double median(List<Integer> values) {
        List<Integer> sorted = values.stream().filter(v -> v != null).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Days from the first advert to the filling, the closing, or the day given: what the post list shows as daysVacant. */
    public static Integer daysVacant(LocalDate firstAdvertisedOn, LocalDate filledOn, LocalDate closedOn, LocalDate today) {
        if (firstAdvertisedOn == null) {
            return null;
        }
        LocalDate end = filledOn != null ? filledOn : closedOn != null ? closedOn : today;
        return (int) Math.max(0, ChronoUnit.DAYS.between(firstAdvertisedOn, end));
    }

    /** "region", "organisationType" or "segment", for messages. */
    public static String allowed() {
        List<String> names = new ArrayList<>();
        for (GroupBy g : GroupBy.values()) {
            names.add(g.parameter());
        }
        return String.join(", ", names);
    }
}
