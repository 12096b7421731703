package org.understudy.succession.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.WebhookSubscription;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A webhook subscription; its secret only in the answer that created it. */
@Schema(name = "Subscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(
        UUID subscriptionId,
        String url,
        String description,
        Region region,
        OrganisationType organisationType,
        BoardRole role,
        Integer oversightSegment,
        String integratedCareBoard,
        String createdBy,
        OffsetDateTime createdAt,
        @Schema(description = "The signing secret (whsec_ and base64), shown once, when the subscription is created: keep it; "
                + "it is never shown again") String secret) {

    static SubscriptionResponse of(WebhookSubscription s, boolean withSecret) {
        return new SubscriptionResponse(s.subscriptionId, s.url, s.description, s.region, s.organisationType, s.role, s.oversightSegment,
                s.integratedCareBoardCode, s.createdBy, s.createdAt, withSecret ? s.secret : null);
    }
}
