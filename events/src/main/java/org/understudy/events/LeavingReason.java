package org.understudy.events;

/** Why an incumbent left a post, as vacancy-service records it. */
public enum LeavingReason {
    RESIGNED, DISMISSED, RETIRED, MOVED, END_OF_INTERIM;

    /** Voluntary departures: the leader chose to go (an interim's planned end is not counted either way). */
    public boolean voluntary() {
        return this == RESIGNED || this == RETIRED || this == MOVED;
    }
}
