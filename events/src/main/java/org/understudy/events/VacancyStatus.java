package org.understudy.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a vacancy: DRAFT → OPEN → SHORTLISTING → INTERVIEWING → OFFERED → FILLED, or WITHDRAWN,
 * or LAPSED (closed with no appointment). A withdrawn or lapsed vacancy can be re-advertised (OPEN again).
 */
public enum VacancyStatus {
    DRAFT, OPEN, SHORTLISTING, INTERVIEWING, OFFERED, FILLED, WITHDRAWN, LAPSED;

    /** The statuses this one may move to. */
    public Set<VacancyStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN, WITHDRAWN);
            case OPEN -> EnumSet.of(SHORTLISTING, WITHDRAWN, LAPSED);
            case SHORTLISTING -> EnumSet.of(INTERVIEWING, WITHDRAWN, LAPSED);
            case INTERVIEWING -> EnumSet.of(SHORTLISTING, OFFERED, FILLED, WITHDRAWN, LAPSED);
            case OFFERED -> EnumSet.of(INTERVIEWING, FILLED, WITHDRAWN, LAPSED);
            case FILLED -> EnumSet.noneOf(VacancyStatus.class);
            case WITHDRAWN, LAPSED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(VacancyStatus target) {
        return next().contains(target);
    }

    /** Still in play: at most one such vacancy per post. */
    public boolean active() {
        return this != FILLED && this != WITHDRAWN && this != LAPSED;
    }
}
