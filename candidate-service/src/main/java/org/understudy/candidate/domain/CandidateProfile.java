package org.understudy.candidate.domain;

import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.util.Set;

/** A candidate's validated profile: personal data and mobility, as a client sets it. */
public record CandidateProfile(
        String name,
        String email,
        String phone,
        String currentJobTitle,
        String currentOrganisationOdsCode,
        String notes,
        Set<Region> regions,
        Set<OrganisationType> organisationTypes,
        boolean considersChallengedOrganisations) {

    public CandidateProfile {
        regions = Set.copyOf(regions);
        organisationTypes = Set.copyOf(organisationTypes);
    }
}
