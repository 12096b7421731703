package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;

import java.util.ArrayList;
import java.util.List;

/**
 * Would dismissing this post's leader be a credible consequence (docs/succession-view.md, "Dismissal readiness")?
 * A pure function of a post's numbers: credible when at least {@code minimumReadyNow} people are
 * ready now, or a vetted interim is named ({@link InterimVetting}); with the reasons in plain words a
 * board paper can quote.
 *
 * @param minimumReadyNow   people ready now needed for a credible dismissal (configuration, default 2)
 * @param recentExitsWindow how many of the region's most recent exits from the role the reasons quote (default 3)
 */
public record DismissalReadiness(int minimumReadyNow, int recentExitsWindow) {
    public static final DismissalReadiness DEFAULT = new DismissalReadiness(2, 3);

    public DismissalReadiness {
        if (minimumReadyNow < 1) {
            throw new IllegalArgumentException("the minimum ready-now must be at least 1, got " + minimumReadyNow);
        }
        if (recentExitsWindow < 1) {
            throw new IllegalArgumentException("the recent exits window must be at least 1, got " + recentExitsWindow);
        }
    }

    /**
     * What the answer depends on.
     *
     * @param regionKnown       false until the organisation's event has arrived (its region's exits cannot be counted)
     * @param lastShortlistSize the shortlist of the post's most recent vacancy; null when it never had one
     * @param interim           whether an interim is named, and whether they count ({@link InterimVetting})
     * @param recentExits       the region's most recent exits from the post's role, most recent first (only
     *                          the first {@code recentExitsWindow} are looked at)
     */
    public record Facts(BoardRole role, boolean regionKnown, int readyNow, int namedReadyNow, int readySoon,
                        Integer lastShortlistSize, InterimVetting.Outcome interim, List<ExitReason> recentExits) {
        boolean interimCounts() {
            return interim == InterimVetting.Outcome.VETTED;
        }
    }

    /** Whether a reason makes a dismissal more credible, less, or only informs. */
    public enum Effect { SUPPORTS, WEIGHS_AGAINST, CONTEXT }

    /**
     * One reason.
     *
     * @param code a stable name for programs (NO_READY_NOW, ...)
     * @param text the reason in plain words
     */
    public record Reason(String code, Effect effect, String text) {
    }

    /** The answer: credible or not, one sentence that says so, and the reasons. */
    public record Verdict(boolean credible, String summary, List<Reason> reasons) {
    }

    public boolean credible(int readyNow, InterimVetting.Outcome interim) {
        return readyNow >= minimumReadyNow || interim == InterimVetting.Outcome.VETTED;
    }

    public Verdict assess(Facts f) {
        boolean enough = f.readyNow() >= minimumReadyNow;
        boolean credible = credible(f.readyNow(), f.interim());
        List<Reason> reasons = new ArrayList<>();

        if (f.readyNow() == 0) {
            reasons.add(new Reason("NO_READY_NOW", Effect.WEIGHS_AGAINST, "no successor is ready now"));
        } else {
            reasons.add(new Reason(enough ? "ENOUGH_READY_NOW" : "TOO_FEW_READY_NOW", enough ? Effect.SUPPORTS : Effect.WEIGHS_AGAINST,
                    readyNowPhrase(f.readyNow()) + "; at least " + minimumReadyNow + " " + (minimumReadyNow == 1 ? "is" : "are") + " needed"));
            reasons.add(new Reason("NAMED_SUCCESSORS", Effect.CONTEXT, namedPhrase(f.readyNow(), f.namedReadyNow())));
        }
        if (f.readySoon() > 0) {
            reasons.add(new Reason("READY_SOON", Effect.CONTEXT,
                    f.readySoon() + " more could be ready in 1 to 2 years"));
        }
        if (f.interimCounts()) {
            reasons.add(new Reason("INTERIM_NAMED", Effect.SUPPORTS, f.interim().words()));
        } else if (f.interim().named()) {
            reasons.add(new Reason("INTERIM_NOT_VETTED", enough ? Effect.CONTEXT : Effect.WEIGHS_AGAINST,
                    f.interim().words() + ": they do not count"));
        } else if (!enough) {
            reasons.add(new Reason("NO_INTERIM", Effect.WEIGHS_AGAINST, "no interim is named"));
        }
        if (f.lastShortlistSize() == null) {
            reasons.add(new Reason("NO_SHORTLIST", Effect.CONTEXT, "this post has no earlier shortlist on record"));
        } else {
            int size = f.lastShortlistSize();
            reasons.add(new Reason("LAST_SHORTLIST", size < minimumReadyNow ? Effect.WEIGHS_AGAINST : Effect.SUPPORTS,
                    "the last shortlist for this post had " + (size == 0 ? "no names" : size == 1 ? "1 name" : size + " names")));
        }
        reasons.add(exitsReason(f));
        mutualAgreementReason(f).ifPresent(reasons::add);

        return new Verdict(credible, summary(f, enough, credible), List.copyOf(reasons));
    }

    private Reason exitsReason(Facts f) {
        String role = roleInWords(f.role());
        if (!f.regionKnown()) {
            return new Reason("REGION_UNKNOWN", Effect.CONTEXT,
                    "the organisation's region is not yet known, so exits in its region cannot be counted");
        }
        List<ExitReason> exits = f.recentExits().subList(0, Math.min(recentExitsWindow, f.recentExits().size()));
        if (exits.isEmpty()) {
            return new Reason("NO_REGIONAL_EXITS", Effect.CONTEXT, "no " + role + " exits in this region are on record");
        }
        long voluntary = exits.stream().filter(ExitReason::voluntary).count();
        Effect effect = voluntary * 2 > exits.size() ? Effect.WEIGHS_AGAINST : Effect.CONTEXT;
        if (exits.size() == 1) {
            String how = voluntary == 1 ? "voluntary" : exits.get(0) == ExitReason.MUTUAL_AGREEMENT ? "by mutual agreement" : "a dismissal";
            return new Reason("REGIONAL_EXITS", effect, recentExitsWindow == 1
                    ? "the last " + role + " exit in this region was " + how
                    : "the only " + role + " exit on record in this region was " + how);
        }
        String count = voluntary == 0 ? "none" : Long.toString(voluntary);
        String verb = voluntary == 1 || voluntary == 0 ? "was" : "were";
        return new Reason("REGIONAL_EXITS", effect,
                count + " of the last " + exits.size() + " " + role + " exits in this region " + verb + " voluntary");
    }

    /**
     * Exits by mutual agreement among the recent ones, on their own: a settlement is neither a leader's
     * choice nor a dismissal, and counting it as either would flatter or darken the region's record.
     */
    private java.util.Optional<Reason> mutualAgreementReason(Facts f) {
        if (!f.regionKnown()) {
            return java.util.Optional.empty();
        }
        List<ExitReason> exits = f.recentExits().subList(0, Math.min(recentExitsWindow, f.recentExits().size()));
        long settled = exits.stream().filter(e -> e == ExitReason.MUTUAL_AGREEMENT).count();
        if (settled == 0) {
            return java.util.Optional.empty();
        }
        String role = roleInWords(f.role());
        String text = exits.size() == 1 ? "the only " + role + " exit considered in this region was by mutual agreement"
                : settled + " of the last " + exits.size() + " " + role + " exits in this region " + (settled == 1 ? "was" : "were")
                + " by mutual agreement";
        return java.util.Optional.of(new Reason("MUTUAL_AGREEMENT_EXITS", Effect.CONTEXT,
                text + " (a settlement: counted neither as voluntary nor as a dismissal)"));
    }

    private String summary(Facts f, boolean enough, boolean credible) {
        if (credible) {
            if (enough) {
                return "A dismissal would be a credible consequence: " + readyNowPhrase(f.readyNow())
                        + (f.interimCounts() ? " and an interim is named." : ".");
            }
            return "A dismissal would be a credible consequence: an interim is named, though "
                    + (f.readyNow() == 0 ? "no successor is" : "only " + readyNowPhrase(f.readyNow()).replace(" ready now", "")) + " ready now.";
        }
        String ready = f.readyNow() == 0 ? "no successor is ready now"
                : "only " + readyNowPhrase(f.readyNow()) + " (at least " + minimumReadyNow + " " + (minimumReadyNow == 1 ? "is" : "are") + " needed)";
        return "A dismissal would not be a credible consequence: " + ready
                + (f.interim().named() ? " and the interim named does not count." : " and no interim is named.");
    }

    /** "1 successor is ready now", "3 successors are ready now". */
    private static String readyNowPhrase(int n) {
        return n == 1 ? "1 successor is ready now" : n + " successors are ready now";
    }

    private static String namedPhrase(int readyNow, int named) {
        if (readyNow == 1) {
            return named >= 1 ? "that successor is named for this post" : "that successor is not named for this post (they come from the pool)";
        }
        if (named == 0) {
            return "none of them is named for this post";
        }
        if (named >= readyNow) {
            return "all of them are named for this post";
        }
        return named + " of them " + (named == 1 ? "is" : "are") + " named for this post";
    }

    /** CHIEF_EXECUTIVE: "chief executive"; NON_EXECUTIVE_DIRECTOR: "non-executive director". */
    public static String roleInWords(BoardRole role) {
        return role == BoardRole.NON_EXECUTIVE_DIRECTOR ? "non-executive director" : role.name().toLowerCase().replace('_', ' ');
    }
}
