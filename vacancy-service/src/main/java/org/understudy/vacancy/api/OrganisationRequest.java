package org.understudy.vacancy.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.vacancy.domain.OrganisationDetails;

/** An organisation as a client creates or replaces it. */
@Schema(name = "OrganisationRequest")
public record OrganisationRequest(
        @Schema(description = "ODS code of the trust; ignored on PUT, where the path names it", examples = "R0A", maxLength = 5)
        @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ODS code)")
        String odsCode,
        @Schema(examples = "Manchester University NHS Foundation Trust")
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @NotNull(message = "is required")
        Region region,
        @NotNull(message = "is required")
        OrganisationType organisationType,
        @NotNull(message = "is required")
        Boolean foundationTrust,
        @Schema(description = "ODS code of the integrated care board", examples = "QOP", maxLength = 5)
        @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ICB code)")
        String integratedCareBoardCode,
        @Schema(description = "NHS Oversight Framework segment, 1 (best) to 5: the regulator's judgement. Left out, the"
                + " organisation keeps the segment it has (none when new). Only the regulator and admin roles may set or"
                + " change it (403 naming oversightSegment otherwise); the regulator's own operation is"
                + " PUT /api/v1/organisations/{odsCode}/oversight-segment", examples = "2")
        @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        Integer oversightSegment) {

    public OrganisationDetails toDetails(String odsCode) {
        return new OrganisationDetails(odsCode, name.strip(), region, organisationType, foundationTrust,
                integratedCareBoardCode, oversightSegment);
    }
}
