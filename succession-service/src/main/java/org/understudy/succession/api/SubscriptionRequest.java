package org.understudy.succession.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

/** Subscribing a receiver to alerts; each filter left out means any. */
@Schema(name = "SubscriptionRequest")
public record SubscriptionRequest(
        @Schema(description = "Where deliveries are POSTed: an absolute https:// URL (http:// only where the service allows it)",
                maxLength = 2000, examples = "https://alerts.example.nhs.uk/understudy")
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String url,
        @Schema(description = "What the subscription is for, in free text", maxLength = 200)
        @Size(max = 200, message = "must be at most 200 characters") String description,
        @Schema(description = "Only alerts of posts in this region") Region region,
        @Schema(description = "Only alerts of posts at organisations of this type") OrganisationType organisationType,
        @Schema(description = "Only alerts of posts of this role") BoardRole role,
        @Schema(description = "Only alerts of posts at organisations in this oversight segment", minimum = "1", maximum = "5")
        @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer oversightSegment,
        @Schema(description = "Only alerts of posts at organisations overseen by this integrated care board (its ODS code)",
                maxLength = 5, examples = "QOP")
        @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ICB code)") String integratedCareBoard) {
}
