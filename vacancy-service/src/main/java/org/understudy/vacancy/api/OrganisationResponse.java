package org.understudy.vacancy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.vacancy.domain.Organisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Schema(name = "Organisation")
public record OrganisationResponse(
        String odsCode,
        String name,
        Region region,
        OrganisationType organisationType,
        boolean foundationTrust,
        String integratedCareBoardCode,
        @Schema(description = "NHS Oversight Framework segment, 1 (best) to 5; null until the regulator sets it")
        Integer oversightSegment,
        @Schema(description = "The day the segment took effect; null when unset or not recorded")
        LocalDate oversightSegmentSince,
        @Schema(description = "Who set the segment (a regulator's or admin's user name); null when unset or not recorded")
        String oversightSegmentSetBy,
        @Schema(description = "When the segment was set; null when unset or not recorded")
        OffsetDateTime oversightSegmentSetAt,
        @Schema(description = "Grows by one per change; send it back in If-Match to update safely")
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static OrganisationResponse of(Organisation o) {
        return new OrganisationResponse(o.odsCode, o.name, o.region, o.organisationType, o.foundationTrust,
                o.integratedCareBoardCode, o.oversightSegment, o.oversightSegmentSince, o.oversightSegmentSetBy,
                o.oversightSegmentSetAt, o.version, o.createdAt, o.updatedAt);
    }
}
