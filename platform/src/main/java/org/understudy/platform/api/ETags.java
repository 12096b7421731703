package org.understudy.platform.api;

import jakarta.ws.rs.core.EntityTag;
import org.understudy.platform.problem.ApiProblem;

/** ETags carry the aggregate version, so that If-Match can refuse a stale update. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version in an If-Match header ({@code "3"} or {@code 3}), or null when there is none. */
    public static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match", "If-Match must be the ETag of the resource (its version), not " + ifMatch);
        }
    }
}
