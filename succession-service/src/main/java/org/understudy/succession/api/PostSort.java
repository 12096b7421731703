package org.understudy.succession.api;

import org.understudy.platform.problem.ApiProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code sort} parameter of the succession list ("readyNow,-oversightSegment": a minus for
 * descending), as SQL for the live list, as JPQL for the stream's snapshot and as a comparator for
 * as-of answers. Ties are broken by post id, so that pages are stable.
 */
final class PostSort {
    private record Key(String jpql, String sql, Function<PostSuccessionResponse, Comparable<?>> value) {
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("readyNow", new Key("p.readyNow", "p.ready_now", PostSuccessionResponse::readyNow));
        KEYS.put("readySoon", new Key("p.readySoon", "p.ready_soon", PostSuccessionResponse::readySoon));
        KEYS.put("namedReadyNow", new Key("p.namedReadyNow", "p.named_ready_now", PostSuccessionResponse::namedReadyNow));
        KEYS.put("poolReadyNow", new Key("p.poolReadyNow", "p.pool_ready_now", PostSuccessionResponse::poolReadyNow));
        KEYS.put("odsCode", new Key("p.odsCode", "p.ods_code", PostSuccessionResponse::odsCode));
        KEYS.put("organisationName", new Key("o.name", "o.name", PostSuccessionResponse::organisationName));
        KEYS.put("role", new Key("p.role", "p.role", PostSuccessionResponse::role));
        KEYS.put("oversightSegment", new Key("o.oversightSegment", "o.oversight_segment", PostSuccessionResponse::oversightSegment));
        KEYS.put("region", new Key("o.region", "o.region", PostSuccessionResponse::region));
        KEYS.put("lastShortlistSize", new Key("p.lastShortlistSize", "p.last_shortlist_size", r -> r.vacancy().lastShortlistSize()));
    }

    private final List<String> fields = new ArrayList<>();
    private final List<Boolean> descending = new ArrayList<>();

    private PostSort() {
    }

    static PostSort parse(String sort) {
        PostSort out = new PostSort();
        String given = sort == null || sort.isBlank() ? "readyNow,odsCode,role" : sort;
        for (String part : given.split(",")) {
            String field = part.strip();
            boolean desc = field.startsWith("-");
            String name = desc ? field.substring(1) : field;
            if (!KEYS.containsKey(name)) {
                throw ApiProblem.badRequest("sort", "cannot sort by '" + name + "'; allowed: " + String.join(", ", KEYS.keySet())
                        + " (prefix with - for descending)");
            }
            if (out.fields.contains(name)) {
                throw ApiProblem.badRequest("sort", "'" + name + "' is given twice");
            }
            out.fields.add(name);
            out.descending.add(desc);
        }
        return out;
    }

    String jpql() {
        return orderBy(Key::jpql);
    }

    /** The same order over the columns of p: post_succession and o: organisation_view (nulls last either way, as in JPQL). */
    String sql() {
        return orderBy(Key::sql);
    }

    private String orderBy(Function<Key, String> column) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            parts.add(column.apply(KEYS.get(fields.get(i))) + (descending.get(i) ? " DESC NULLS LAST" : " ASC NULLS LAST"));
        }
        return String.join(", ", parts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<PostSuccessionResponse> comparator() {
        Comparator<PostSuccessionResponse> out = null;
        for (int i = 0; i < fields.size(); i++) {
            Function<PostSuccessionResponse, Comparable> value = (Function) KEYS.get(fields.get(i)).value();
            Comparator<PostSuccessionResponse> c = Comparator.comparing(value, Comparator.nullsLast(Comparator.naturalOrder()));
            if (descending.get(i)) {
                c = Comparator.comparing(value, Comparator.nullsLast(Comparator.<Comparable>naturalOrder().reversed()));
            }
            out = out == null ? c : out.thenComparing(c);
        }
        return out.thenComparing(r -> r.postId().toString());
    }
}
