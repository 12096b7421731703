package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.security.Roles;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.Reconciliation;
import org.understudy.succession.domain.SourceState;
import org.understudy.succession.domain.SuccessionSettings;
import org.understudy.succession.sources.SourceServices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RolesAllowed({Roles.ADMIN})
@Path("/api/v1/succession/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operations on the view itself")
public class ReconciliationResource {
    @Inject
    SourceServices sources;

    @Inject
    SuccessionSettings settings;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * @param differenceCount how many differences there are (0: the view agrees with the sources)
     * @param posts           posts known to either side
     * @param candidates      candidates the sources hold
     */
    public record Report(OffsetDateTime checkedAt, LocalDate day, int posts, int candidates, int differenceCount,
                         List<Reconciliation.Difference> differences) {
    }

    @GET
    // The view is read in one transaction, after the sources: run it when no writes are in flight.
    @Transactional
    @Operation(summary = "Compare the view with the source services",
            description = "Recomputes every post's figures from vacancy-service's and candidate-service's bulk exports with the view's own rules, "
                    + "as of today, and lists every difference (post, field, expected, actual). Writes still in flight show as differences. "
                    + "The caller's token is passed on to the sources' admin-only exports.")
    @APIResponse(responseCode = "200", description = "The report; differenceCount 0 when the view agrees")
    @APIResponse(responseCode = "502", description = "A source service could not be read")
    public Report reconcile(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SourceState state = sources.read(authorization);
        LocalDate day = LocalDate.now(clock);
        Map<UUID, Reconciliation.PostFigures> expected = new Reconciliation(settings.rules(), settings.thresholds()).expected(state, day);
        List<Reconciliation.PostFigures> live = entityManager.createQuery("SELECT p FROM PostSuccession p", PostSuccession.class)
                .getResultStream().map(Reconciliation.PostFigures::of).toList();
        List<Reconciliation.Difference> differences = Reconciliation.compare(expected, live);
        int posts = (int) java.util.stream.Stream.concat(expected.keySet().stream(), live.stream().map(Reconciliation.PostFigures::postId))
                .distinct().count();
        return new Report(OffsetDateTime.now(clock), day, posts, state.candidates().size(), differences.size(), differences);
    }
}
