package org.understudy.vacancy.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Facts about a trust that are the regulator's judgement, not the trust's: today its NHS Oversight
 * Framework segment. The segment decides whether the challenged-trust rule applies to the trust's
 * posts, so a trust that could set it could choose who counts as its successors. Only the
 * {@code regulator} and {@code admin} roles may set or change it; a trust's {@code hr} users may send
 * the value it already has (a read-modify-write PUT), nothing else.
 */
public final class RegulatorOwnedFacts {
    public static final String SEGMENT_FIELD = "oversightSegment";

    private RegulatorOwnedFacts() {
    }

    /** True when a caller with these roles may set these facts. */
    public static boolean maySet(Set<String> roles) {
        return roles.contains("regulator") || roles.contains("admin");
    }

    /**
     * True when a request asking for {@code requested} (null: not given) would change the segment the
     * organisation has ({@code current}, null: unset or a new organisation).
     */
    public static boolean changesSegment(Integer current, Integer requested) {
        return requested != null && !Objects.equals(current, requested);
    }
}
