package org.understudy.platform.api;

import io.quarkus.panache.common.Sort;
import org.understudy.platform.problem.ApiProblem;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a listing's {@code sort} parameter ("name", "-oversightSegment,name": a minus for
 * descending) against the fields a listing allows, always ending with a unique tie-breaker so
 * that pages are stable.
 */
public final class SortOrder {
    private SortOrder() {
    }

    /**
     * @param sort     the parameter as given (null or blank: the default)
     * @param allowed  API field name to entity attribute
     * @param fallback the order when none is given
     * @param unique   attribute(s) appended to make the order total
     * @throws ApiProblem 400 naming {@code sort} for an unknown or repeated field
     */
    public static Sort parse(String sort, Map<String, String> allowed, String fallback, String... unique) {
        String given = sort == null || sort.isBlank() ? fallback : sort;
        Sort result = null;
        Set<String> used = new HashSet<>();
        for (String part : given.split(",")) {
            String field = part.strip();
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            String attribute = allowed.get(name);
            if (attribute == null) {
                throw ApiProblem.badRequest("sort", "cannot sort by '" + name + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed.keySet())) + " (prefix with - for descending)");
            }
            if (!used.add(attribute)) {
                throw ApiProblem.badRequest("sort", "'" + name + "' is given twice");
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(attribute, direction) : result.and(attribute, direction);
        }
        for (String attribute : unique) {
            if (used.add(attribute)) {
                result = result.and(attribute);
            }
        }
        return result;
    }
}
