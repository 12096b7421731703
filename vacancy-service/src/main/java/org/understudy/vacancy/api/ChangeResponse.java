package org.understudy.vacancy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.vacancy.domain.ChangeRecord;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One change: what changed (the event's type and the fields' names), whose, who made it, when. */
@Schema(name = "Change")
public record ChangeResponse(
        @Schema(description = "The id of the event the change published") UUID eventId,
        String odsCode,
        @Schema(description = "The event's type: what kind of change (organisation updated, incumbent changed or left, interim cover changed, ...)")
        String eventType,
        @Schema(description = "The organisation's ODS code, or the post's or vacancy's id") String aggregateId,
        @Schema(description = "The names of the fields that changed (never their values)") List<String> changed,
        @Schema(description = "Who made it: the token's principal") String changedBy,
        OffsetDateTime changedAt) {

    static ChangeResponse of(ChangeRecord r) {
        return new ChangeResponse(r.eventId, r.odsCode, r.eventType, r.aggregateId,
                r.changed.isEmpty() ? List.of() : Arrays.asList(r.changed.split(",")), r.changedBy, r.changedAt);
    }
}
