package org.understudy.candidate.persistence;

import java.util.Collection;
import java.util.UUID;

/**
 * The HQL condition on {@code candidateId} for some candidates, and its parameter ?1: {@code = ?1} for
 * one (every write reads one candidate's state), {@code IN ?1} for several. Hibernate caches no query
 * plan for a list parameter, so a query with an IN list is translated from HQL anew on every call.
 */
final class CandidateIdsParameter {
    private CandidateIdsParameter() {
    }

    static String condition(Collection<UUID> candidateIds) {
        return candidateIds.size() == 1 ? "candidateId = ?1" : "candidateId IN ?1";
    }

    static Object value(Collection<UUID> candidateIds) {
        return candidateIds.size() == 1 ? candidateIds.iterator().next() : candidateIds;
    }
}
