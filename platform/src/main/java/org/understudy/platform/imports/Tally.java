package org.understudy.platform.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What an import has done so far: rows by outcome, and the problems of the rows it refused (the first few listed). */
final class Tally {
    private final int maxListed;
    private final List<RowProblem> problems = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;
    private int rejected;
    private int done;

    Tally(int maxListed) {
        this.maxListed = maxListed;
    }

    void add(Outcome outcome) {
        done++;
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    void reject(List<RowProblem> rowProblems) {
        rejected++;
        done++;
        for (RowProblem p : rowProblems) {
            if (problems.size() < maxListed) {
                problems.add(p);
            }
        }
    }

    /** A copy to go back to when the rows counted after it are undone (a chunk rolled back). */
    Tally copy() {
        Tally t = new Tally(maxListed);
        t.problems.addAll(problems);
        t.created = created;
        t.updated = updated;
        t.unchanged = unchanged;
        t.rejected = rejected;
        t.done = done;
        return t;
    }

    void resetTo(Tally saved) {
        problems.clear();
        problems.addAll(saved.problems);
        created = saved.created;
        updated = saved.updated;
        unchanged = saved.unchanged;
        rejected = saved.rejected;
        done = saved.done;
    }

    /** Stored rows are not stored after all (an atomic import refused): they count as neither created nor changed. */
    void nothingStored() {
        created = 0;
        updated = 0;
        unchanged = 0;
    }

    List<RowProblem> problems() {
        return problems.stream().sorted(Comparator.comparingLong(RowProblem::line)).toList();
    }

    int done() {
        return done;
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }

    int rejected() {
        return rejected;
    }

    enum Outcome { CREATED, UPDATED, UNCHANGED }
}
