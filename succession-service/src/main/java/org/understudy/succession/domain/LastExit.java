package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.ExitReason;

import java.time.LocalDate;
import java.util.Collection;

/**
 * A person's most recent exit on or before a day, from both records: the career exits candidate-service
 * keeps and the departures recorded on posts (an interim's planned end is not an exit). Used to tell an
 * appointment after a dismissal as it arrives; the same rule as the view {@code leadership_exit} applies
 * in SQL for the figures and the list.
 */
public record LastExit(LocalDate date, String odsCode, BoardRole role, ExitReason reason) {

    /** The most recent exit dated on or before {@code day}; on the same day, a dismissal wins. Null when there is none. */
    public static LastExit before(LocalDate day, Collection<CandidateState.Exit> exits, Collection<PostDeparture> departures) {
        LastExit last = null;
        for (CandidateState.Exit e : exits) {
            last = later(last, day, new LastExit(e.date(), e.odsCode(), e.role(), e.reason()));
        }
        for (PostDeparture d : departures) {
            ExitReason reason = d.reason().asExit();
            if (reason != null) {
                last = later(last, day, new LastExit(d.date(), d.odsCode(), d.role(), reason));
            }
        }
        return last;
    }

    public boolean dismissal() {
        return reason == ExitReason.DISMISSED;
    }

    private static LastExit later(LastExit held, LocalDate day, LastExit candidate) {
        if (candidate.date().isAfter(day)) {
            return held;
        }
        if (held == null || candidate.date().isAfter(held.date())
                || (candidate.date().equals(held.date()) && candidate.dismissal() && !held.dismissal())) {
            return candidate;
        }
        return held;
    }
}
