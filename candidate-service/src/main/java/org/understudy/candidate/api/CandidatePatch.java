package org.understudy.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.util.List;

/**
 * The shape of a PATCH body, a JSON merge patch (RFC 7396) of {@link CandidateRequest}: every field
 * optional; a field sent replaces the one held, null clears it (and is refused for name and email),
 * a field left out stays. Read first to refuse unknown fields and wrong types; the merged result is
 * then validated as a {@link CandidateRequest}.
 */
@Schema(name = "CandidatePatch", description = "JSON merge patch of a candidate: send only what changes; null clears an optional field")
public record CandidatePatch(
        @Schema(description = "Full name (personal data); cannot be cleared", maxLength = 200) String name,
        @Schema(description = "E-mail address (personal data); cannot be cleared", maxLength = 254) String email,
        @Schema(description = "Telephone number (personal data)", maxLength = 26) String phone,
        @Schema(description = "Current job title (personal data)", maxLength = 200) String currentJobTitle,
        @Schema(description = "ODS code of the current employer (personal data)", maxLength = 5) String currentOrganisationOdsCode,
        @Schema(description = "Free-text notes (personal data)", maxLength = 4000) String notes,
        @Schema(description = "Merged field by field; null resets mobility to none") MobilityPatch mobility) {

    @Schema(name = "MobilityPatch")
    public record MobilityPatch(@Schema(maxItems = 7) List<Region> regions,
                                @Schema(maxItems = 6) List<OrganisationType> organisationTypes,
                                Boolean considersChallengedOrganisations) {
    }
}
