package org.understudy.candidate.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.CandidateView;
import org.understudy.candidate.domain.CandidateViews;
import org.understudy.candidate.persistence.CandidateRepository;
import org.understudy.events.CandidateState;
import org.understudy.platform.security.Roles;

import java.util.ArrayList;
import java.util.List;

/**
 * Every candidate as candidate events describe them (ids, statuses, readiness, mobility, nominations,
 * exits; never personal data, so nothing here is a personal-data read). Used by succession-service's
 * reconciliation check to recompute the view from the source of truth instead of from the topic.
 */
@RolesAllowed({Roles.ADMIN})
@Path("/api/v1/export/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export", description = "Bulk reads for reconciliation")
public class ExportResource {
    /** Candidates assembled per batch: three queries per batch, and the session cleared after it. */
    private static final int BATCH = 1000;

    @Inject
    CandidateRepository candidates;

    @Inject
    CandidateViews views;

    @Inject
    EntityManager entityManager;

    /** The export: one state per candidate, in registration order. */
    public record Export(List<CandidateState> candidates) {
    }

    @GET
    // Read committed, batch by batch: candidates written meanwhile may or may not appear; reconcile when quiet.
    @Transactional
    @Operation(summary = "Export every candidate's event state", description = "No personal data. Admin only.")
    public Export export() {
        List<CandidateState> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Candidate> batch = candidates.findAll(Sort.by("createdAt").and("candidateId")).page(Page.of(page, BATCH)).list();
            views.of(batch).stream().map(CandidateView::toState).forEach(out::add);
            entityManager.clear();
            if (batch.size() < BATCH) {
                return new Export(out);
            }
        }
    }
}
