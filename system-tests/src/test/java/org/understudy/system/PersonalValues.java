package org.understudy.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The personal data (names, e-mail addresses, phone numbers, job titles, notes) that the system
 * tests gave to candidates and incumbents, so that {@link PrivacyIT} can look for it where it must
 * never be: succession-service's responses and the events on every topic.
 */
final class PersonalValues {
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private PersonalValues() {
    }

    static void remember(String... values) {
        for (String value : values) {
            if (value != null && value.strip().length() >= 6) {
                VALUES.add(value.strip());
            }
        }
    }

    static Set<String> all() {
        return Set.copyOf(VALUES);
    }
}
