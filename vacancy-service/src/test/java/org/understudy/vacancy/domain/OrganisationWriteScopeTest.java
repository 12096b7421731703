package org.understudy.vacancy.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrganisationWriteScopeTest {
    @ParameterizedTest(name = "roles {0}, orgs {1}, organisation {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # roles          | orgs in token | organisation | may write
            admin            | ''            | RJ1          | true
            hr               | RJ1 RYJ       | RJ1          | true
            hr               | RJ1 RYJ       | RYJ          | true
            hr               | rj1           | RJ1          | true
            hr               | RJ1           | ' rj1 '      | true
            hr               | RJ1           | RJZ          | false
            hr               | ''            | RJ1          | false
            hr               | RJ1           | null         | false
            talent           | RJ1           | RJ1          | false
            regulator        | RJ1           | RJ1          | false
            viewer           | RJ1           | RJ1          | false
            hr admin         | ''            | RJ1          | true
            ''               | RJ1           | RJ1          | false
            """)
    void onlyAdminsAndHrForTheirOwnOrganisationsMayWrite(String roles, String orgs, String odsCode, boolean expected) {
        assertEquals(expected, OrganisationWriteScope.permits(words(roles), words(orgs), odsCode));
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
