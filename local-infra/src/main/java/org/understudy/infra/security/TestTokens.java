package org.understudy.infra.security;

import org.understudy.infra.TestInfrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Real tokens signed with this test JVM's key (the one the services under test trust), found
 * through a JVM-wide system property so that every class loader of a test JVM signs alike.
 */
public final class TestTokens {
    private TestTokens() {
    }

    public static String mint(String role, String... orgs) {
        return minter().mint(role, List.of(orgs));
    }

    /** A token that expired an hour ago (beyond any clock-skew allowance). */
    public static String expired(String role) {
        return minter().mint(role + "-user", List.of(role), List.of(), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** A well-formed token signed with a key nobody trusts. */
    public static String wrongSignature(String role) {
        return new TokenMinter(SigningKeys.strangerKey(), TokenMinter.LOCAL_ISSUER).mint(role, List.of());
    }

    /** A token signed with the trusted key but naming another issuer. */
    public static String wrongIssuer(String role) {
        return new TokenMinter(keys().privateKey(), "https://someone-else.example/issuer").mint(role, List.of());
    }

    public static boolean available() {
        return System.getProperty(TestInfrastructure.TEST_KEYS_PROPERTY) != null;
    }

    private static TokenMinter minter() {
        return new TokenMinter(keys());
    }

    private static SigningKeys keys;

    // Read once per JVM: the folder is fixed for the JVM's life (see TestInfrastructure).
    private static synchronized SigningKeys keys() {
        if (keys != null) {
            return keys;
        }
        String folder = System.getProperty(TestInfrastructure.TEST_KEYS_PROPERTY);
        if (folder == null) {
            throw new IllegalStateException("no test key in this JVM: start TestInfrastructure first (UnderstudyTestResource does)");
        }
        keys = SigningKeys.loadOrCreate(Path.of(folder));
        return keys;
    }
}
