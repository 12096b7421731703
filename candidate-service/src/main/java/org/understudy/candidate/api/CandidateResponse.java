package org.understudy.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.candidate.domain.Candidate;
import org.understudy.candidate.domain.CandidateView;
import org.understudy.events.CandidateStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A candidate with personal data: every response carrying one is recorded in the personal-data audit. */
@Schema(name = "Candidate")
public record CandidateResponse(
        UUID candidateId,
        CandidateStatus status,
        @Schema(description = "Personal data; null once erased") String name,
        @Schema(description = "Personal data; null once erased") String email,
        @Schema(description = "Personal data; null once erased") String phone,
        @Schema(description = "Personal data; null once erased") String currentJobTitle,
        @Schema(description = "Personal data; null once erased") String currentOrganisationOdsCode,
        @Schema(description = "Personal data; null once erased") String notes,
        Mobility mobility,
        @Schema(description = "The current (latest) assessment per role")
        List<ReadinessAssessmentResponse> readiness,
        FitAndProperResponse fitAndProper,
        List<NominationResponse> nominations,
        List<ExitResponse> exits,
        @Schema(description = "Grows by one per change; send it back in If-Match to change safely")
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "When the personal data was erased; null unless status is ERASED")
        OffsetDateTime erasedAt) {

    @Schema(name = "CandidateMobility")
    public record Mobility(List<Region> regions, List<OrganisationType> organisationTypes,
                           boolean considersChallengedOrganisations) {
    }

    static CandidateResponse of(CandidateView view, LocalDate today) {
        Candidate c = view.candidate();
        return new CandidateResponse(c.candidateId, c.status, c.name, c.email, c.phone, c.currentJobTitle,
                c.currentOrganisationOdsCode, c.notes,
                new Mobility(c.regions.stream().sorted().toList(), c.organisationTypes.stream().sorted().toList(),
                        c.considersChallengedOrganisations),
                view.readiness().stream().sorted(Comparator.comparing(a -> a.role)).map(ReadinessAssessmentResponse::of).toList(),
                FitAndProperResponse.of(c, today),
                view.nominations().stream().map(NominationResponse::of).toList(),
                view.exits().stream().map(ExitResponse::of).toList(),
                c.version, c.createdAt, c.updatedAt, c.erasedAt);
    }
}
