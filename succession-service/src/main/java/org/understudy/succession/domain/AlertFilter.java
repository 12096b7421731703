package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

/** Which alerts: the posts list's filters that an alert carries (each null means any). */
public record AlertFilter(Region region, OrganisationType organisationType, BoardRole role, Integer oversightSegment,
                          String integratedCareBoard) {
}
