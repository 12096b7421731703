package org.understudy.candidate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.understudy.infra.UnderstudyTestResource;

/**
 * Every @QuarkusTest of this module runs against the real broker and a PostgreSQL database of its own;
 * succession-service's successor lists come from {@link SuccessionServiceStub}.
 */
@QuarkusTestResource(value = UnderstudyTestResource.class, initArgs = @ResourceArg(name = "service", value = "candidate"))
@QuarkusTestResource(SuccessionServiceStub.class)
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
