package org.understudy.succession.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.succession.persistence.WebhookDeliveries;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One alert's delivery to a subscription: where it stands and how its last attempt went. */
@Schema(name = "Delivery")
public record DeliveryResponse(
        @Schema(description = "The alert's event id, sent as webhook-id on every attempt") UUID alertId,
        String eventType,
        UUID postId,
        @Schema(description = "PENDING (not yet accepted; tried again at nextAttemptAt), DELIVERED or FAILED (retries spent)",
                enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime lastAttemptAt,
        @Schema(description = "The HTTP status of the last answer; absent when there was none") Integer lastResponseStatus,
        @Schema(description = "Why the last attempt failed") String lastError,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime deliveredAt) {

    static DeliveryResponse of(WebhookDeliveries.LogLine l) {
        return new DeliveryResponse(l.alertId(), l.eventType(), l.postId(), l.status(), l.attempts(), l.createdAt(), l.lastAttemptAt(),
                l.lastResponseStatus(), l.lastError(), l.nextAttemptAt(), l.deliveredAt());
    }
}
