package org.understudy.platform.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokenCacheTest {
    /** Epoch milliseconds of the fake clock: 1,000,000 s. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    /** Tokens are "name:exp:iat" (seconds); "bad..." fails, as a wrong signature, issuer or expiry would. */
    private static final class CountingParser implements JWTParser {
        final Map<String, Integer> calls = new HashMap<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.merge(token, 1, Integer::sum);
            if (token.startsWith("bad")) {
                throw new ParseException("refused");
            }
            String[] parts = token.split(":", -1);
            Map<String, Object> claims = new HashMap<>();
            claims.put("sub", parts[0]);
            if (!parts[1].isEmpty()) {
                claims.put("exp", Long.parseLong(parts[1]));
            }
            if (parts.length > 2) {
                claims.put("iat", Long.parseLong(parts[2]));
            }
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return parts[0];
                }

                @Override
                public Set<String> getClaimNames() {
                    return claims.keySet();
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String name) {
                    return (T) claims.get(name);
                }
            };
        }

        int calls(String token) {
            return calls.getOrDefault(token, 0);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    private final CountingParser parser = new CountingParser();

    private VerifiedTokenCache cache(int maxEntries, Long maxTokenAge) {
        return new VerifiedTokenCache(parser, Duration.ofMinutes(2), maxEntries, maxTokenAge, now::get);
    }

    @Test
    void aTokenSeenAgainIsNotVerifiedAgain() throws Exception {
        VerifiedTokenCache cache = cache(10, null);
        String token = "ada:1003600";
        JsonWebToken first = cache.parse(token);
        assertSame(first, cache.parse(token));
        assertEquals(1, parser.calls(token));
        cache.parse("ben:1003600");
        assertEquals(1, parser.calls("ben:1003600"));
    }

    @Test
    void failuresAreNeverRemembered() {
        VerifiedTokenCache cache = cache(10, null);
        for (int i = 0; i < 3; i++) {
            assertThrows(ParseException.class, () -> cache.parse("bad-signature"));
        }
        assertEquals(3, parser.calls("bad-signature"));
    }

    @Test
    void rememberedNoLongerThanItsExpiry() throws Exception {
        VerifiedTokenCache cache = cache(10, null);
        String token = "ada:1000030"; // expires 30 s from now
        cache.parse(token);
        now.addAndGet(29_999);
        cache.parse(token);
        assertEquals(1, parser.calls(token));
        now.addAndGet(1);
        cache.parse(token); // at its expiry: verified again (the parser decides, with its clock skew)
        assertEquals(2, parser.calls(token));
    }

    @Test
    void rememberedAtMostTheMaximumAge() throws Exception {
        VerifiedTokenCache cache = cache(10, null);
        String token = "ada:1003600"; // valid for an hour
        cache.parse(token);
        now.addAndGet(Duration.ofMinutes(2).toMillis() - 1);
        cache.parse(token);
        assertEquals(1, parser.calls(token));
        now.addAndGet(1);
        cache.parse(token);
        assertEquals(2, parser.calls(token));
    }

    @Test
    void aConfiguredTokenAgeLimitsItToo() throws Exception {
        VerifiedTokenCache cache = cache(10, 60L);
        String token = "ada:1003600:999950"; // issued 50 s ago, may be used until 60 s after issue
        cache.parse(token);
        now.addAndGet(9_999);
        cache.parse(token);
        now.addAndGet(1);
        cache.parse(token);
        assertEquals(2, parser.calls(token));
        cache.parse("ben:1003600"); // no iat: its age cannot be told, so never remembered
        cache.parse("ben:1003600");
        assertEquals(2, parser.calls("ben:1003600"));
    }

    @Test
    void aTokenWithoutExpiryIsNeverRemembered() throws Exception {
        VerifiedTokenCache cache = cache(10, null);
        cache.parse("ada:");
        cache.parse("ada:");
        assertEquals(2, parser.calls("ada:"));
    }

    @Test
    void boundedInSize() throws Exception {
        VerifiedTokenCache cache = cache(2, null);
        for (String t : List.of("a:1000010", "b:1003600", "c:1003600", "c:1003600")) {
            cache.parse(t);
        }
        assertEquals(2, parser.calls("c:1003600")); // full: not remembered
        now.addAndGet(10_000); // a has expired: room for c
        cache.parse("c:1003600");
        cache.parse("c:1003600");
        assertEquals(3, parser.calls("c:1003600"));
        cache.parse("b:1003600");
        assertEquals(1, parser.calls("b:1003600"));
    }

    @Test
    void offWithNoEntries() throws Exception {
        VerifiedTokenCache cache = cache(0, null);
        cache.parse("ada:1003600");
        cache.parse("ada:1003600");
        assertEquals(2, parser.calls("ada:1003600"));
    }
}
