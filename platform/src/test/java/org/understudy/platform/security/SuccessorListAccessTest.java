package org.understudy.platform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuccessorListAccessTest {
    @ParameterizedTest(name = "roles {0}, token lists the trust {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # roles          | lists the trust | grant
            talent           | false           | NAMES
            admin            | false           | NAMES
            hr               | true            | NAMES
            hr               | false           | REFUSED
            regulator        | false           | IDS_ONLY
            regulator        | true            | IDS_ONLY
            hr regulator     | false           | IDS_ONLY
            hr regulator     | true            | NAMES
            viewer           | true            | REFUSED
            ''               | true            | REFUSED
            """)
    void namesOnlyForTheTalentTeamAndTheTrustItself(String roles, boolean listsTheOrg, SuccessorListAccess.Grant expected) {
        Set<String> set = Arrays.stream(roles.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        assertEquals(expected, SuccessorListAccess.of(set, listsTheOrg));
    }
}
