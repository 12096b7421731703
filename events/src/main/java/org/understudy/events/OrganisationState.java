package org.understudy.events;

/** The full state of an organisation (an NHS trust), as carried in organisation events. */
public record OrganisationState(
        String odsCode,
        String name,
        Region region,
        OrganisationType organisationType,
        boolean foundationTrust,
        String integratedCareBoardCode,
        int oversightSegment) {
}
