package org.understudy.succession.api;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is asking: the one place that says so. Until security lands (DESIGN.md, "Security": bearer
 * JWTs, role {@code regulator} for assessments) every request is {@value #ANONYMOUS}; then this reads
 * the verified token's subject (inject the SecurityIdentity here) and nothing else changes.
 */
@ApplicationScoped
public class Requester {
    static final String ANONYMOUS = "anonymous";

    public String name() {
        return ANONYMOUS;
    }
}
