package org.understudy.vacancy.domain;

import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

/** Validated details of an organisation, as given by a client; {@code oversightSegment} null when not given. */
public record OrganisationDetails(
        String odsCode,
        String name,
        Region region,
        OrganisationType organisationType,
        boolean foundationTrust,
        String integratedCareBoardCode,
        Integer oversightSegment) {
}
