package org.understudy.succession.domain;

/** How replaceable a post's leader is, by the number of people ready to take over now. */
public enum Replaceability {
    /** No one is ready now: dismissal would leave the post empty. */
    NONE,
    /** One person: a single point of failure. */
    THIN,
    /** Enough for a real choice. */
    VIABLE,
    /** A queue. */
    STRONG
}
