package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.util.UUID;

/**
 * What the rules need to know about a post. Organisation fields are null until the
 * organisation's event has arrived (then nobody counts from the pool: the region is unknown).
 */
public record PostFacts(UUID postId, BoardRole role, Region region, OrganisationType organisationType,
                        Integer oversightSegment, UUID incumbentCandidateId) {
}
