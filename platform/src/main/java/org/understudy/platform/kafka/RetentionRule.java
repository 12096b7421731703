package org.understudy.platform.kafka;

import java.util.Arrays;

/** Whether a topic's settings keep every event, and in words why not. */
final class RetentionRule {
    private RetentionRule() {
    }

    /**
     * "keeps every event", "compacted: keeps each key's latest event", or "deletes ..." naming the
     * limit. Kafka deletes by age or size only under the {@code delete} policy; -1 means no limit.
     */
    static String verdict(String cleanupPolicy, String retentionMs, String retentionBytes) {
        boolean deletes = cleanupPolicy == null || Arrays.stream(cleanupPolicy.split(",")).map(String::strip).anyMatch("delete"::equals);
        boolean compacts = cleanupPolicy != null && Arrays.stream(cleanupPolicy.split(",")).map(String::strip).anyMatch("compact"::equals);
        boolean byAge = limited(retentionMs);
        boolean bySize = limited(retentionBytes);
        if (!deletes || (!byAge && !bySize)) {
            return compacts ? "compacted: keeps each key's latest event" : "keeps every event";
        }
        return "deletes events (cleanup.policy=" + cleanupPolicy + (byAge ? ", retention.ms=" + retentionMs : "")
                + (bySize ? ", retention.bytes=" + retentionBytes : "") + ")";
    }

    private static boolean limited(String value) {
        if (value == null) {
            return true; // Kafka's defaults limit the age to a week
        }
        try {
            return Long.parseLong(value.strip()) >= 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
