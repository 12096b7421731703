package org.understudy.succession.domain;

import java.util.Collection;

/** A post's counts: distinct people ready now, ready soon (not already ready now), named and pool. */
public record SuccessionNumbers(int readyNow, int readySoon, int namedReadyNow, int poolReadyNow) {
    public static final SuccessionNumbers ZERO = new SuccessionNumbers(0, 0, 0, 0);

    /** Adds up one contribution per distinct candidate. */
    public static SuccessionNumbers of(Collection<Contribution> perCandidate) {
        int now = 0;
        int soon = 0;
        int named = 0;
        int pool = 0;
        for (Contribution c : perCandidate) {
            if (c.level() == Contribution.Level.NOW) {
                now++;
            } else if (c.level() == Contribution.Level.SOON) {
                soon++;
            }
            if (c.namedNow()) {
                named++;
            }
            if (c.poolNow()) {
                pool++;
            }
        }
        return new SuccessionNumbers(now, soon, named, pool);
    }
}
