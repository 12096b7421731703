package org.understudy.succession.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.persistence.PostSuccessionRepository;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A post's succession numbers. Organisation fields are null until the organisation's event has arrived. */
@Schema(name = "PostSuccession")
public record PostSuccessionResponse(
        UUID postId,
        String odsCode,
        String organisationName,
        Region region,
        OrganisationType organisationType,
        Integer oversightSegment,
        BoardRole role,
        @Schema(description = "Distinct people ready now, named or from the pool (DESIGN.md)")
        int readyNow,
        @Schema(description = "Distinct people ready in 1-2 years, not already counted as ready now")
        int readySoon,
        int namedReadyNow,
        int poolReadyNow,
        @Schema(description = "Equal to readyNow")
        int depth,
        Replaceability replaceability,
        @Schema(description = "The last event these numbers reflect")
        Reflects reflects,
        OffsetDateTime updatedAt) {

    /** A position in a topic: the view includes every event of this post up to it. */
    public record Reflects(UUID eventId, String topic, int partition, long offset) {
    }

    static PostSuccessionResponse of(PostSuccessionRepository.Row row) {
        var p = row.post();
        var o = row.organisation();
        return new PostSuccessionResponse(p.postId, p.odsCode,
                o == null ? null : o.name, o == null ? null : o.region, o == null ? null : o.organisationType,
                o == null ? null : o.oversightSegment, p.role, p.readyNow, p.readySoon, p.namedReadyNow, p.poolReadyNow,
                p.readyNow, p.replaceability, new Reflects(p.lastEventId, p.lastTopic, p.lastPartition, p.lastOffset), p.updatedAt);
    }
}
