package org.understudy.succession.reference;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.LocalDate;
import java.util.List;

/**
 * Generated histories ({@link History}): a few trusts and their chief executive and chair posts, a
 * dozen candidates, years of changes. Starts at month ends and leap days so that assessments go stale
 * and checks lapse on the days the calendar makes awkward; waits are mostly hours, sometimes many
 * months. Sizes are bounded (at most {@link #MAX_STEPS} steps, 4 trusts, 8 posts), which bounds a
 * history's cost: the reference model counts every post against every candidate on every day.
 */
public final class Histories {
    public static final int MAX_STEPS = 120;

    private static final List<LocalDate> STARTS = List.of(LocalDate.of(2023, 1, 31), LocalDate.of(2023, 8, 31),
            LocalDate.of(2023, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 5, 31), LocalDate.of(2022, 2, 28),
            LocalDate.of(2024, 8, 30), LocalDate.of(2025, 3, 1));

    private Histories() {
    }

    public static Arbitrary<History> histories() {
        return histories(MAX_STEPS);
    }

    public static Arbitrary<History> histories(int maxSteps) {
        Arbitrary<LocalDate> start = Combinators.combine(Arbitraries.of(STARTS), Arbitraries.integers().between(-2, 2))
                .as(LocalDate::plusDays);
        return Combinators.combine(start, steps().list().ofMinSize(1).ofMaxSize(maxSteps), Arbitraries.longs(),
                Arbitraries.integers().between(0, 800)).as(History::new);
    }

    private static Arbitrary<History.Step> steps() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 15);
        Arbitrary<Integer> age = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0, 60)),
                Tuple.of(3, Arbitraries.integers().between(300, 560)));
        Arbitrary<Integer> mask = Arbitraries.integers().between(0, 7);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(index, index, index, Arbitraries.integers().between(0, 4)).as(History.Organisation::new)),
                Tuple.of(5, Combinators.combine(index, index).as(History.NewPost::new)),
                Tuple.of(2, Combinators.combine(index, Arbitraries.integers().between(-1, 15), Arbitraries.of(true, false))
                        .as(History.Incumbent::new)),
                Tuple.of(1, Combinators.combine(index, Arbitraries.integers().between(-2, 15)).as(History.Interim::new)),
                Tuple.of(4, Combinators.combine(index, index).as(History.Vacancy::new)),
                Tuple.of(4, Combinators.combine(mask, Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                        .as(History.Register::new)),
                Tuple.of(8, Combinators.combine(index, index, Arbitraries.integers().between(0, 3), age).as(History.Readiness::new)),
                Tuple.of(6, Combinators.combine(index, Arbitraries.integers().between(0, 9).map(i -> i == 0), age)
                        .as(History.FitAndProper::new)),
                Tuple.of(4, Combinators.combine(index, index, Arbitraries.integers().between(0, 3), age).as(History.Nominate::new)),
                Tuple.of(1, Combinators.combine(index, index).as(History.Unnominate::new)),
                Tuple.of(2, Combinators.combine(index, mask, Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                        .as(History.Move::new)),
                Tuple.of(1, Combinators.combine(index, Arbitraries.of(true, false)).as(History.Leave::new)),
                Tuple.of(1, Combinators.combine(index, index, Arbitraries.integers().between(0, 200)).as(History.Exit::new)),
                Tuple.of(8, Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 72)),
                        Tuple.of(2, Arbitraries.integers().between(24 * 100, 24 * 400))).map(History.Wait::new)),
                Tuple.of(1, index.map(History.Redeliver::new)),
                Tuple.of(1, index.map(History.Resend::new)),
                Tuple.of(1, Arbitraries.integers().between(1, 6).map(History.Late::new)));
    }
}
