package org.understudy.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of CloudEvents {@code type} values:
 * {@code org.understudy.<service>.<aggregate>.<change>.v<N>}. The aggregate and version name the
 * JSON Schema of {@code data.state} ({@code /schemas/<aggregate>-state.v<N>.json}); the trailing
 * version is the contract version, so a consumer ignores (and counts) a type it does not know and a
 * v2 can be introduced beside v1. The types themselves are listed per publisher:
 * {@link VacancyEventTypes}, {@link CandidateEventTypes}.
 */
public final class EventTypes {
    private static final Pattern TYPE = Pattern.compile("^org\\.understudy\\.([a-z]+)\\.([a-z]+)\\.([a-z-]+)\\.(v[0-9]+)$");

    private EventTypes() {
    }

    /** Builds a type name; used by the constants classes. */
    static String of(String service, String aggregate, String change) {
        return of(service, aggregate, change, 1);
    }

    /** Builds a type name of a later contract version. */
    static String of(String service, String aggregate, String change, int version) {
        return "org.understudy." + service + "." + aggregate + "." + change + ".v" + version;
    }

    /** The aggregate a type is about ("post" for org.understudy.vacancy.post.created.v1), or null if malformed. */
    public static String aggregateOf(String type) {
        Parts parts = partsOf(type);
        return parts == null ? null : parts.aggregate();
    }

    /** The schema file of a type's state ("post-state.v1.json"), or null if the type is malformed. */
    static String stateSchemaOf(String type) {
        Parts parts = partsOf(type);
        return parts == null ? null : parts.stateSchema();
    }

    /** What a well-formed type names. */
    private record Parts(String aggregate, String stateSchema) {
    }

    private static final Parts MALFORMED = new Parts(null, null);

    /**
     * Types read so far: a consumer asks about the same few types once per record, and the pattern
     * was a tenth of a rebuild's parsing. Bounded, since a record can carry any text as its type;
     * beyond the bound a type is matched each time.
     */
    private static final Map<String, Parts> READ = new ConcurrentHashMap<>();
    private static final int READ_AT_MOST = 256;

    private static Parts partsOf(String type) {
        if (type == null) {
            return null;
        }
        Parts parts = READ.get(type);
        if (parts == null) {
            Matcher m = TYPE.matcher(type);
            parts = m.matches() ? new Parts(m.group(2), m.group(2) + "-state." + m.group(4) + ".json") : MALFORMED;
            if (READ.size() < READ_AT_MOST) {
                READ.put(type, parts);
            }
        }
        return parts == MALFORMED ? null : parts;
    }
}
