package org.understudy.succession.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who is asking: the verified token's principal ({@code upn}, else {@code preferred_username},
 * else {@code sub}), recorded with each assessment.
 */
@RequestScoped
public class Requester {
    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.getPrincipal().getName();
    }
}
