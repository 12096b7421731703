package org.understudy.events;

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
        return "org.understudy." + service + "." + aggregate + "." + change + ".v1";
    }

    /** The aggregate a type is about ("post" for org.understudy.vacancy.post.created.v1), or null if malformed. */
    public static String aggregateOf(String type) {
        Matcher m = type == null ? null : TYPE.matcher(type);
        return m != null && m.matches() ? m.group(2) : null;
    }

    /** The schema file of a type's state ("post-state.v1.json"), or null if the type is malformed. */
    static String stateSchemaOf(String type) {
        Matcher m = type == null ? null : TYPE.matcher(type);
        return m != null && m.matches() ? m.group(2) + "-state." + m.group(4) + ".json" : null;
    }
}
