package org.understudy.succession.domain;

/** What applying one event did to the view. */
public enum Applied {
    /** The event was newer than the view and changed it. */
    CHANGED,
    /** The view already reflects this version or a newer one: nothing changed. */
    STALE
}
