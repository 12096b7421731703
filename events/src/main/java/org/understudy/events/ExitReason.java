package org.understudy.events;

/** Why a leader left a post. RESIGNED, RETIRED and MOVED are voluntary; DISMISSED is not. */
public enum ExitReason {
    RESIGNED, DISMISSED, RETIRED, MOVED;

    public boolean voluntary() {
        return this != DISMISSED;
    }
}
