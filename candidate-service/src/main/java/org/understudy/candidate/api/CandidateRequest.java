package org.understudy.candidate.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.candidate.domain.CandidateProfile;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.platform.problem.ApiProblem;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A candidate's profile as a client registers it (POST) or as it stands after a merge patch
 * (PATCH). Name, contact, current job and organisation and notes are personal data: they never
 * leave candidate-service in an event, every response carrying them is audited, and erasure
 * removes them.
 */
@Schema(name = "CandidateRequest")
public record CandidateRequest(
        @Schema(description = "Full name (personal data)", examples = "Alex Example")
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @Schema(description = "E-mail address (personal data); one registration per address", examples = "alex.example@nhs.net")
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address")
        String email,
        @Schema(description = "Telephone number (personal data)", examples = "+44 161 555 0100", maxLength = 26)
        @Pattern(regexp = "^\\+?[0-9][0-9 ()-]{5,24}$", message = "must be a telephone number: digits, spaces, brackets or hyphens, optionally starting with +")
        String phone,
        @Schema(description = "Current job title (personal data)", examples = "Deputy Chief Executive")
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        String currentJobTitle,
        @Schema(description = "ODS code of the current employer (personal data)", examples = "R0A", maxLength = 5)
        @Pattern(regexp = "^[A-Z0-9]{3,5}$", message = "must be 3 to 5 capital letters or digits (an ODS code)")
        String currentOrganisationOdsCode,
        @Schema(description = "Free-text notes of the talent team (personal data)")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String notes,
        @Schema(description = "Where the candidate would work; left out: nowhere yet")
        @Valid
        MobilityRequest mobility) {

    /** Regions and organisation types the candidate would work in, and whether a challenged organisation would do. */
    @Schema(name = "MobilityRequest")
    public record MobilityRequest(
            @Schema(description = "NHS England regions the candidate would work in; left out: none")
            @Size(max = 7, message = "must name at most the 7 regions")
            List<Region> regions,
            @Schema(description = "Kinds of trust the candidate would work in; left out: none")
            @Size(max = 6, message = "must name at most the 6 kinds of organisation")
            List<OrganisationType> organisationTypes,
            @Schema(description = "Would consider an organisation in oversight segment 4 or 5; left out: false")
            Boolean considersChallengedOrganisations) {
    }

    public CandidateProfile toProfile() {
        MobilityRequest m = mobility == null ? new MobilityRequest(null, null, null) : mobility;
        return new CandidateProfile(name.strip(), email.strip(), blankToNull(phone), blankToNull(currentJobTitle),
                currentOrganisationOdsCode, blankToNull(notes),
                set(m.regions(), Region.class, "mobility.regions"),
                set(m.organisationTypes(), OrganisationType.class, "mobility.organisationTypes"),
                Boolean.TRUE.equals(m.considersChallengedOrganisations()));
    }

    static CandidateRequest of(CandidateProfile p) {
        return new CandidateRequest(p.name(), p.email(), p.phone(), p.currentJobTitle(), p.currentOrganisationOdsCode(),
                p.notes(), new MobilityRequest(p.regions().stream().sorted().toList(),
                p.organisationTypes().stream().sorted().toList(), p.considersChallengedOrganisations()));
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type, String field) {
        if (values == null) {
            return Set.of();
        }
        if (values.contains(null)) {
            throw ApiProblem.badRequest(field, field + ": must not contain null");
        }
        return values.isEmpty() ? Set.of() : EnumSet.copyOf(values);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
