package org.understudy.infra.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Installs {@link AdminTokenFilter} before each {@code @QuarkusTest} method (registered as a service). */
public class DefaultTestToken implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        AdminTokenFilter.install();
    }
}
