package org.understudy.vacancy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.vacancy.domain.Organisation;

import java.time.OffsetDateTime;

@Schema(name = "Organisation")
public record OrganisationResponse(
        String odsCode,
        String name,
        Region region,
        OrganisationType organisationType,
        boolean foundationTrust,
        String integratedCareBoardCode,
        int oversightSegment,
        @Schema(description = "Grows by one per change; send it back in If-Match to update safely")
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static OrganisationResponse of(Organisation o) {
        return new OrganisationResponse(o.odsCode, o.name, o.region, o.organisationType, o.foundationTrust,
                o.integratedCareBoardCode, o.oversightSegment, o.version, o.createdAt, o.updatedAt);
    }
}
