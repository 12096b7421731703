package org.understudy.platform.security;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

/**
 * The roles a token may carry in its roles claim ({@code groups}, or the one {@code smallrye.jwt.path.groups} names) (see "Security" in the README). Every
 * endpoint names the roles it admits with {@code @RolesAllowed}; an endpoint without one is refused.
 */
public final class Roles {
    /** Organisations, posts, vacancies and applications; writes only for the ODS codes in the token's {@code orgs} claim. */
    public static final String HR = "hr";
    /** Candidates, personal data included. */
    public static final String TALENT = "talent";
    /** All succession reads and assessments. */
    public static final String REGULATOR = "regulator";
    /** Succession aggregates, per-post numbers and the stream; no assessments. */
    public static final String VIEWER = "viewer";
    /** Everything, audit logs and rebuilds included. */
    public static final String ADMIN = "admin";

    /** The claim listing the ODS codes an {@code hr} user may write for, unless {@code understudy.security.orgs-claim} names another. */
    public static final String ORGS_CLAIM = "orgs";

    private Roles() {
    }
}
