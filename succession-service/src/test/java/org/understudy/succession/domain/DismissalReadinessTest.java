package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.understudy.events.ExitReason.DISMISSED;
import static org.understudy.events.ExitReason.MOVED;
import static org.understudy.events.ExitReason.MUTUAL_AGREEMENT;
import static org.understudy.events.ExitReason.RESIGNED;
import static org.understudy.events.ExitReason.RETIRED;
import static org.understudy.succession.domain.DismissalReadiness.Effect.CONTEXT;
import static org.understudy.succession.domain.DismissalReadiness.Effect.SUPPORTS;
import static org.understudy.succession.domain.DismissalReadiness.Effect.WEIGHS_AGAINST;

/** Dismissal readiness (docs/succession-view.md): whether a dismissal is credible, and each reason, one row per case. */
class DismissalReadinessTest {
    private static final DismissalReadiness RULES = DismissalReadiness.DEFAULT;

    /**
     * A chief executive post with 2 people ready now (1 named), none soon, a last shortlist of 3, no
     * interim, and no exits on record in its region.
     */
    private static DismissalReadiness.Facts facts(UnaryOperator<DismissalReadiness.Facts> change) {
        return change.apply(new DismissalReadiness.Facts(BoardRole.CHIEF_EXECUTIVE, true, 2, 1, 0, 3, InterimVetting.Outcome.NONE, List.of()));
    }

    private static UnaryOperator<DismissalReadiness.Facts> ready(int now, int named) {
        return f -> new DismissalReadiness.Facts(f.role(), f.regionKnown(), now, named, f.readySoon(), f.lastShortlistSize(), f.interim(), f.recentExits());
    }

    private static UnaryOperator<DismissalReadiness.Facts> soon(int soon) {
        return f -> new DismissalReadiness.Facts(f.role(), f.regionKnown(), f.readyNow(), f.namedReadyNow(), soon, f.lastShortlistSize(), f.interim(), f.recentExits());
    }

    private static UnaryOperator<DismissalReadiness.Facts> shortlist(Integer size) {
        return f -> new DismissalReadiness.Facts(f.role(), f.regionKnown(), f.readyNow(), f.namedReadyNow(), f.readySoon(), size, f.interim(), f.recentExits());
    }

    private static UnaryOperator<DismissalReadiness.Facts> interim() {
        return interim(InterimVetting.Outcome.VETTED);
    }

    private static UnaryOperator<DismissalReadiness.Facts> interim(InterimVetting.Outcome outcome) {
        return f -> new DismissalReadiness.Facts(f.role(), f.regionKnown(), f.readyNow(), f.namedReadyNow(), f.readySoon(), f.lastShortlistSize(), outcome, f.recentExits());
    }

    private static UnaryOperator<DismissalReadiness.Facts> exits(ExitReason... reasons) {
        return f -> new DismissalReadiness.Facts(f.role(), f.regionKnown(), f.readyNow(), f.namedReadyNow(), f.readySoon(), f.lastShortlistSize(), f.interim(), List.of(reasons));
    }

    private static UnaryOperator<DismissalReadiness.Facts> role(BoardRole role) {
        return f -> new DismissalReadiness.Facts(role, f.regionKnown(), f.readyNow(), f.namedReadyNow(), f.readySoon(), f.lastShortlistSize(), f.interim(), f.recentExits());
    }

    private static UnaryOperator<DismissalReadiness.Facts> regionUnknown() {
        return f -> new DismissalReadiness.Facts(f.role(), false, f.readyNow(), f.namedReadyNow(), f.readySoon(), f.lastShortlistSize(), f.interim(), f.recentExits());
    }

    @SafeVarargs
    private static DismissalReadiness.Facts with(UnaryOperator<DismissalReadiness.Facts>... changes) {
        return facts(f -> {
            for (UnaryOperator<DismissalReadiness.Facts> c : changes) {
                f = c.apply(f);
            }
            return f;
        });
    }

    private static DismissalReadiness.Reason reason(String code, DismissalReadiness.Effect effect, String text) {
        return new DismissalReadiness.Reason(code, effect, text);
    }

    /** Each row: the case, the facts, credible or not, and a reason the answer must give (code, effect, words). */
    static Stream<Arguments> reasons() {
        return Stream.of(
                // credible: readyNow >= minimum (2) or an interim is named
                Arguments.of("no one ready now", with(ready(0, 0)), false,
                        reason("NO_READY_NOW", WEIGHS_AGAINST, "no successor is ready now")),
                Arguments.of("one ready now, below the minimum", with(ready(1, 0)), false,
                        reason("TOO_FEW_READY_NOW", WEIGHS_AGAINST, "1 successor is ready now; at least 2 are needed")),
                Arguments.of("two ready now: the minimum", with(ready(2, 1)), true,
                        reason("ENOUGH_READY_NOW", SUPPORTS, "2 successors are ready now; at least 2 are needed")),
                Arguments.of("five ready now", with(ready(5, 0)), true,
                        reason("ENOUGH_READY_NOW", SUPPORTS, "5 successors are ready now; at least 2 are needed")),
                Arguments.of("a vetted interim is named, no one ready now", with(ready(0, 0), interim()), true,
                        reason("INTERIM_NAMED", SUPPORTS, "an interim is named: a pipeline candidate with a valid fit-and-proper check")),
                Arguments.of("a vetted interim is named, enough ready now", with(interim()), true,
                        reason("INTERIM_NAMED", SUPPORTS, "an interim is named: a pipeline candidate with a valid fit-and-proper check")),
                // an interim who could not lawfully step in does not count: credible only on the numbers
                Arguments.of("an interim named by name only, no one ready now", with(ready(0, 0), interim(InterimVetting.Outcome.NOT_A_PIPELINE_CANDIDATE)), false,
                        reason("INTERIM_NOT_VETTED", WEIGHS_AGAINST, "the interim named is not a candidate in the pipeline, so nothing says they could step in: they do not count")),
                Arguments.of("the incumbent named as interim", with(ready(1, 1), interim(InterimVetting.Outcome.THE_INCUMBENT)), false,
                        reason("INTERIM_NOT_VETTED", WEIGHS_AGAINST, "the interim named is the post's own incumbent: they do not count")),
                Arguments.of("a withdrawn interim", with(ready(0, 0), interim(InterimVetting.Outcome.NOT_ACTIVE)), false,
                        reason("INTERIM_NOT_VETTED", WEIGHS_AGAINST, "the interim named has withdrawn from the pipeline or been erased: they do not count")),
                Arguments.of("an interim whose check lapsed, enough ready now", with(interim(InterimVetting.Outcome.FIT_AND_PROPER_NOT_VALID)), true,
                        reason("INTERIM_NOT_VETTED", CONTEXT, "the interim named has no fit-and-proper check valid on the day: they do not count")),
                Arguments.of("no interim, too few ready now", with(ready(1, 1)), false,
                        reason("NO_INTERIM", WEIGHS_AGAINST, "no interim is named")),
                // named successors among those ready now
                Arguments.of("the only one ready now is named", with(ready(1, 1)), false,
                        reason("NAMED_SUCCESSORS", CONTEXT, "that successor is named for this post")),
                Arguments.of("the only one ready now is from the pool", with(ready(1, 0)), false,
                        reason("NAMED_SUCCESSORS", CONTEXT, "that successor is not named for this post (they come from the pool)")),
                Arguments.of("one of three is named", with(ready(3, 1)), true,
                        reason("NAMED_SUCCESSORS", CONTEXT, "1 of them is named for this post")),
                Arguments.of("two of three are named", with(ready(3, 2)), true,
                        reason("NAMED_SUCCESSORS", CONTEXT, "2 of them are named for this post")),
                Arguments.of("none of two is named", with(ready(2, 0)), true,
                        reason("NAMED_SUCCESSORS", CONTEXT, "none of them is named for this post")),
                Arguments.of("all of two are named", with(ready(2, 2)), true,
                        reason("NAMED_SUCCESSORS", CONTEXT, "all of them are named for this post")),
                Arguments.of("ready in 1 to 2 years", with(ready(0, 0), soon(3)), false,
                        reason("READY_SOON", CONTEXT, "3 more could be ready in 1 to 2 years")),
                // the last shortlist
                Arguments.of("a shortlist of one", with(shortlist(1)), true,
                        reason("LAST_SHORTLIST", WEIGHS_AGAINST, "the last shortlist for this post had 1 name")),
                Arguments.of("an empty shortlist", with(shortlist(0)), true,
                        reason("LAST_SHORTLIST", WEIGHS_AGAINST, "the last shortlist for this post had no names")),
                Arguments.of("a shortlist of four", with(shortlist(4)), true,
                        reason("LAST_SHORTLIST", SUPPORTS, "the last shortlist for this post had 4 names")),
                Arguments.of("never a vacancy", with(shortlist(null)), true,
                        reason("NO_SHORTLIST", CONTEXT, "this post has no earlier shortlist on record")),
                // the region's recent exits from the role (voluntary: resigned, retired, moved)
                Arguments.of("2 of the last 3 exits voluntary", with(exits(RESIGNED, DISMISSED, RETIRED)), true,
                        reason("REGIONAL_EXITS", WEIGHS_AGAINST, "2 of the last 3 chief executive exits in this region were voluntary")),
                Arguments.of("only the last 3 of 4 are looked at", with(exits(DISMISSED, DISMISSED, MOVED, RESIGNED)), true,
                        reason("REGIONAL_EXITS", CONTEXT, "1 of the last 3 chief executive exits in this region was voluntary")),
                Arguments.of("no exit voluntary", with(exits(DISMISSED, DISMISSED, DISMISSED)), true,
                        reason("REGIONAL_EXITS", CONTEXT, "none of the last 3 chief executive exits in this region was voluntary")),
                Arguments.of("all voluntary", with(exits(MOVED, RETIRED, RESIGNED)), true,
                        reason("REGIONAL_EXITS", WEIGHS_AGAINST, "3 of the last 3 chief executive exits in this region were voluntary")),
                Arguments.of("two exits on record", with(exits(MOVED, DISMISSED)), true,
                        reason("REGIONAL_EXITS", CONTEXT, "1 of the last 2 chief executive exits in this region was voluntary")),
                Arguments.of("one exit on record, voluntary", with(exits(RETIRED)), true,
                        reason("REGIONAL_EXITS", WEIGHS_AGAINST, "the only chief executive exit on record in this region was voluntary")),
                Arguments.of("one exit on record, a dismissal", with(exits(DISMISSED)), true,
                        reason("REGIONAL_EXITS", CONTEXT, "the only chief executive exit on record in this region was a dismissal")),
                Arguments.of("no exits on record", with(exits()), true,
                        reason("NO_REGIONAL_EXITS", CONTEXT, "no chief executive exits in this region are on record")),
                Arguments.of("a chair's exits", with(role(BoardRole.CHAIR), exits(RESIGNED, RESIGNED)), true,
                        reason("REGIONAL_EXITS", WEIGHS_AGAINST, "2 of the last 2 chair exits in this region were voluntary")),
                // a settlement is neither voluntary nor a dismissal, and is said on its own
                Arguments.of("a settlement among the last 3: not voluntary", with(exits(MUTUAL_AGREEMENT, RESIGNED, DISMISSED)), true,
                        reason("REGIONAL_EXITS", CONTEXT, "1 of the last 3 chief executive exits in this region was voluntary")),
                Arguments.of("a settlement among the last 3: said on its own", with(exits(MUTUAL_AGREEMENT, RESIGNED, DISMISSED)), true,
                        reason("MUTUAL_AGREEMENT_EXITS", CONTEXT, "1 of the last 3 chief executive exits in this region was by mutual"
                                + " agreement (a settlement: counted neither as voluntary nor as a dismissal)")),
                Arguments.of("two settlements of two", with(exits(MUTUAL_AGREEMENT, MUTUAL_AGREEMENT)), true,
                        reason("MUTUAL_AGREEMENT_EXITS", CONTEXT, "2 of the last 2 chief executive exits in this region were by mutual"
                                + " agreement (a settlement: counted neither as voluntary nor as a dismissal)")),
                Arguments.of("one exit on record, a settlement", with(exits(MUTUAL_AGREEMENT)), true,
                        reason("REGIONAL_EXITS", CONTEXT, "the only chief executive exit on record in this region was by mutual agreement")),
                Arguments.of("region not known yet", with(regionUnknown(), exits(RESIGNED)), true,
                        reason("REGION_UNKNOWN", CONTEXT, "the organisation's region is not yet known, so exits in its region cannot be counted")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasons")
    void givesItsReasons(String name, DismissalReadiness.Facts facts, boolean credible, DismissalReadiness.Reason expected) {
        DismissalReadiness.Verdict verdict = RULES.assess(facts);
        assertEquals(credible, verdict.credible(), name + ": credible");
        assertTrue(verdict.reasons().contains(expected), name + ": expected " + expected + " in " + verdict.reasons());
    }

    /** Each row: the case, the facts, and the one-sentence summary. */
    static Stream<Arguments> summaries() {
        return Stream.of(
                Arguments.of(with(ready(0, 0)), "A dismissal would not be a credible consequence: no successor is ready now and no interim is named."),
                Arguments.of(with(ready(1, 0)), "A dismissal would not be a credible consequence: only 1 successor is ready now (at least 2 are needed) "
                        + "and no interim is named."),
                Arguments.of(with(ready(3, 0)), "A dismissal would be a credible consequence: 3 successors are ready now."),
                Arguments.of(with(ready(2, 0), interim()), "A dismissal would be a credible consequence: 2 successors are ready now and an interim is named."),
                Arguments.of(with(ready(0, 0), interim()), "A dismissal would be a credible consequence: an interim is named, though no successor is ready now."),
                Arguments.of(with(ready(1, 1), interim()), "A dismissal would be a credible consequence: an interim is named, though only 1 successor is ready now."),
                Arguments.of(with(ready(0, 0), interim(InterimVetting.Outcome.THE_INCUMBENT)),
                        "A dismissal would not be a credible consequence: no successor is ready now and the interim named does not count."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("summaries")
    void saysItInOneSentence(DismissalReadiness.Facts facts, String summary) {
        assertEquals(summary, RULES.assess(facts).summary());
    }

    @Test
    void theReasonsComeInABoardPapersOrder() {
        DismissalReadiness.Verdict verdict = RULES.assess(with(ready(1, 0), soon(2), shortlist(1), exits(RESIGNED, DISMISSED, RETIRED)));
        assertFalse(verdict.credible());
        assertEquals(List.of(
                "1 successor is ready now; at least 2 are needed",
                "that successor is not named for this post (they come from the pool)",
                "2 more could be ready in 1 to 2 years",
                "no interim is named",
                "the last shortlist for this post had 1 name",
                "2 of the last 3 chief executive exits in this region were voluntary"),
                verdict.reasons().stream().map(DismissalReadiness.Reason::text).toList());
    }

    @Test
    void theMinimumAndTheWindowAreConfiguration() {
        DismissalReadiness strict = new DismissalReadiness(3, 1);
        DismissalReadiness.Verdict verdict = strict.assess(with(ready(2, 0), exits(RESIGNED, DISMISSED)));
        assertFalse(verdict.credible());
        assertTrue(verdict.reasons().contains(reason("TOO_FEW_READY_NOW", WEIGHS_AGAINST, "2 successors are ready now; at least 3 are needed")));
        assertTrue(verdict.reasons().contains(reason("REGIONAL_EXITS", WEIGHS_AGAINST, "the last chief executive exit in this region was voluntary")));
        assertTrue(new DismissalReadiness(1, 3).assess(with(ready(1, 0))).reasons()
                .contains(reason("ENOUGH_READY_NOW", SUPPORTS, "1 successor is ready now; at least 1 is needed")));
        assertThrows(IllegalArgumentException.class, () -> new DismissalReadiness(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new DismissalReadiness(2, 0));
    }

    @Test
    void rolesInWords() {
        assertEquals("chief executive", DismissalReadiness.roleInWords(BoardRole.CHIEF_EXECUTIVE));
        assertEquals("non-executive director", DismissalReadiness.roleInWords(BoardRole.NON_EXECUTIVE_DIRECTOR));
        assertEquals("chief operating officer", DismissalReadiness.roleInWords(BoardRole.CHIEF_OPERATING_OFFICER));
    }
}
