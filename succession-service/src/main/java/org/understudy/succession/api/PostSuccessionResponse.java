package org.understudy.succession.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.Replaceability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A post's succession numbers. Organisation fields are null until the organisation's event has
 * arrived. Candidates appear only as opaque ids.
 */
@Schema(name = "PostSuccession")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PostSuccessionResponse(
        UUID postId,
        String odsCode,
        String organisationName,
        Region region,
        OrganisationType organisationType,
        Integer oversightSegment,
        @Schema(description = "ODS code of the integrated care board overseeing the organisation (null when none is known)", maxLength = 10)
        String integratedCareBoardCode,
        BoardRole role,
        @Schema(description = "Distinct people ready now, named or from the pool")
        int readyNow,
        @Schema(description = "Distinct people ready in 1-2 years, not already counted as ready now")
        int readySoon,
        @Schema(description = "Named successors for this post who are ready now")
        int namedReadyNow,
        @Schema(description = "People ready now for the role and willing to work here, named or not")
        int poolReadyNow,
        @Schema(description = "Equal to readyNow")
        int depth,
        Replaceability replaceability,
        @Schema(description = "Who holds the post (an opaque candidate id, or null for someone outside the pipeline)")
        Incumbent incumbent,
        Departure lastDeparture,
        @Schema(description = "Who is named to cover the post as interim if its leader had to go at once (null when no one is)")
        InterimCover interimCover,
        @Schema(description = "Market telemetry of the open vacancy and the most recent one")
        VacancyTelemetry vacancy,
        @Schema(description = "The last event these numbers reflect")
        Reflects reflects,
        @Schema(description = "When these numbers took effect (as of queries) or were last written")
        OffsetDateTime updatedAt,
        @Schema(description = "The instant asked for, on as-of queries; null for the live view")
        OffsetDateTime asOf) {

    public record Incumbent(UUID candidateId, LocalDate since, Boolean interim, Long tenureDays) {
    }

    public record Departure(LocalDate date, LeavingReason reason) {
    }

    /** An opaque candidate id (null for someone outside the pipeline) and the day they were named. */
    public record InterimCover(UUID candidateId, LocalDate namedOn) {
        static InterimCover of(UUID candidateId, LocalDate namedOn) {
            return namedOn == null ? null : new InterimCover(candidateId, namedOn);
        }
    }

    /**
     * @param applicants       live applications to the open vacancy (null when none is open)
     * @param shortlisted      the open vacancy's shortlist (null when none is open)
     * @param lastShortlistSize the shortlist of the post's most recent vacancy
     * @param daysVacant       days the most recent vacancy has been (or was) open
     */
    public record VacancyTelemetry(UUID openVacancyId, Integer applicants, Integer shortlisted, Integer lastShortlistSize,
                                   Integer daysVacant, Integer readverts) {
    }

    /** A position in a topic: the view includes every event of this post up to it. */
    public record Reflects(UUID eventId, String topic, Integer partition, Long offset) {
    }
}
