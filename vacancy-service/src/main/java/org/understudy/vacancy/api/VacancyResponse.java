package org.understudy.vacancy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.VacancyStatus;
import org.understudy.vacancy.domain.Application;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.Vacancy;
import org.understudy.vacancy.domain.VacancyTelemetry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Schema(name = "Vacancy")
public record VacancyResponse(
        UUID vacancyId, UUID postId, String odsCode, BoardRole role, VacancyStatus status,
        @Schema(description = "The statuses it may move to next") Set<VacancyStatus> allowedTransitions,
        LocalDate closingDate, LocalDate firstAdvertisedOn,
        List<ApplicationView> applications,
        @Schema(description = "Market telemetry, as of today") VacancyTelemetry telemetry,
        UUID appointedCandidateId, Boolean appointmentInterim, LocalDate filledOn, LocalDate closedOn, String closeReason,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    @Schema(name = "Application")
    public record ApplicationView(UUID applicationId, UUID candidateId, LocalDate appliedOn, boolean shortlisted,
                                  LocalDate withdrawnOn, String withdrawalReason) {
        static ApplicationView of(Application a) {
            return new ApplicationView(a.applicationId, a.candidateId, a.appliedOn, a.shortlisted, a.withdrawnOn, a.withdrawalReason);
        }
    }

    static VacancyResponse of(Vacancy v, Post post, LocalDate today) {
        return new VacancyResponse(v.vacancyId, v.postId, post.odsCode, post.role, v.status, v.status.next(), v.closingDate,
                v.firstAdvertisedOn, v.applications.stream().map(ApplicationView::of).toList(), VacancyTelemetry.of(v, today),
                v.appointedCandidateId, v.appointmentInterim, v.filledOn, v.closedOn, v.closeReason, v.version, v.createdAt, v.updatedAt);
    }
}
