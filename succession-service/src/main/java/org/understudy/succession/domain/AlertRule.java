package org.understudy.succession.domain;

import java.util.Set;

/**
 * When a change of replaceability deserves an alert: it fell to NONE, or, for a post in a
 * challenged segment, it fell below the level configured for those segments.
 *
 * @param challengedMinimum the level below which posts in challenged segments alert (e.g. VIABLE)
 */
public record AlertRule(Replaceability challengedMinimum, Set<Integer> challengedSegments) {

    /** @param before null for a post seen for the first time (nothing fell) */
    public boolean alerts(Replaceability before, Replaceability after, Integer oversightSegment) {
        if (before == null || after.compareTo(before) >= 0) {
            return false;
        }
        if (after == Replaceability.NONE) {
            return true;
        }
        return oversightSegment != null && challengedSegments.contains(oversightSegment)
                && after.compareTo(challengedMinimum) < 0 && before.compareTo(challengedMinimum) >= 0;
    }
}
