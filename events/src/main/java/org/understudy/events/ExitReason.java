package org.understudy.events;

/**
 * Why a leader left a post. RESIGNED, RETIRED and MOVED are voluntary; DISMISSED is not; MUTUAL_AGREEMENT
 * (a settlement, from contract version 2) is neither, and is reported on its own.
 */
public enum ExitReason {
    RESIGNED, DISMISSED, MUTUAL_AGREEMENT, RETIRED, MOVED;

    public boolean voluntary() {
        return this == RESIGNED || this == RETIRED || this == MOVED;
    }
}
