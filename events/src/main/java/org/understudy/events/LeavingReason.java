package org.understudy.events;

/**
 * Why an incumbent left a post, as vacancy-service records it. MUTUAL_AGREEMENT is a departure by
 * settlement: neither voluntary nor a dismissal, and counted on its own (from contract version 2).
 */
public enum LeavingReason {
    RESIGNED, DISMISSED, MUTUAL_AGREEMENT, RETIRED, MOVED, END_OF_INTERIM;

    /** Voluntary departures: the leader chose to go (an interim's planned end is not counted either way). */
    public boolean voluntary() {
        return this == RESIGNED || this == RETIRED || this == MOVED;
    }

    /** The career exit this departure is, or null for the planned end of an interim (not an exit). */
    public ExitReason asExit() {
        return this == END_OF_INTERIM ? null : ExitReason.valueOf(name());
    }
}
