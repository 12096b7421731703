package org.understudy.platform.kafka;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionRuleTest {

    @ParameterizedTest(name = "{0}, retention.ms {1}, retention.bytes {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", value = {
            // cleanup.policy | retention.ms | retention.bytes | verdict
            "delete         | -1        | -1         | keeps every event",
            "delete         | 604800000 | -1         | deletes events (cleanup.policy=delete, retention.ms=604800000)",
            "delete         | -1        | 1073741824 | deletes events (cleanup.policy=delete, retention.bytes=1073741824)",
            "delete         | 0         | 0          | deletes events (cleanup.policy=delete, retention.ms=0, retention.bytes=0)",
            "compact        | 604800000 | -1         | compacted: keeps each key's latest event",
            "compact,delete | 604800000 | -1         | deletes events (cleanup.policy=compact,delete, retention.ms=604800000)",
            "compact,delete | -1        | -1         | compacted: keeps each key's latest event",
            "null           | null      | null       | deletes events (cleanup.policy=null, retention.ms=null, retention.bytes=null)",
            "delete         | forever   | -1         | deletes events (cleanup.policy=delete, retention.ms=forever)",
    })
    void aTopicKeepsEveryEventOnlyWithoutATimeOrSizeLimitOnDeletion(String policy, String ms, String bytes, String verdict) {
        assertEquals(verdict, RetentionRule.verdict(policy, ms, bytes));
    }
}
