package org.understudy.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers bearer tokens already verified, keyed by the exact token text, so that a client sending
 * the same token on every request pays for one RS256 verification and JSON parse, not one per
 * request (they were the largest cost of a simple read). A token never seen before, or seen
 * but no longer remembered, is verified by SmallRye's own parser exactly as without this class
 * (signature, issuer, audience, expiry); failures are never remembered. A token is remembered at
 * most until its {@code exp} (and its maximum age when one is configured), and at most
 * {@code understudy.security.token-cache.max-age} after it was verified; at most
 * {@code max-entries} tokens at once (0 turns the cache off).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache implements JWTParser {
    private record Verified(JsonWebToken token, long until) {
    }

    private final JWTParser delegate;
    private final long maxAgeMillis;
    private final int maxEntries;
    private final Long maxTokenAgeSecs;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokenCache(DefaultJWTParser delegate, JWTAuthContextInfo context,
                       @ConfigProperty(name = "understudy.security.token-cache.max-age", defaultValue = "PT2M") Duration maxAge,
                       @ConfigProperty(name = "understudy.security.token-cache.max-entries", defaultValue = "10000") int maxEntries) {
        this(delegate, maxAge, maxEntries, maxTokenAge(context), System::currentTimeMillis);
    }

    VerifiedTokenCache(JWTParser delegate, Duration maxAge, int maxEntries, Long maxTokenAgeSecs, LongSupplier clock) {
        this.delegate = delegate;
        this.maxAgeMillis = maxAge.toMillis();
        this.maxEntries = maxEntries;
        this.maxTokenAgeSecs = maxTokenAgeSecs;
        this.clock = clock;
    }

    /** The stricter of the configured limits on a token's age since it was issued, in seconds; null for none. */
    private static Long maxTokenAge(JWTAuthContextInfo context) {
        Long ttl = context.getMaxTimeToLiveSecs();
        Long age = context.getTokenAge();
        return ttl == null ? age : age == null ? ttl : Long.valueOf(Math.min(ttl, age));
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (maxEntries <= 0 || token == null) {
            return delegate.parse(token);
        }
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.until()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = delegate.parse(token); // throws for any token that is not valid now
        remember(token, jwt, now);
        return jwt;
    }

    private void remember(String token, JsonWebToken jwt, long now) {
        Long exp = seconds(jwt, Claims.exp);
        if (exp == null) {
            return; // no expiry to bound it by: verified on each use, as without the cache
        }
        long until = Math.min(now + maxAgeMillis, exp * 1000);
        if (maxTokenAgeSecs != null) {
            Long iat = seconds(jwt, Claims.iat);
            if (iat == null) {
                return; // its age cannot be told: verified on each use
            }
            until = Math.min(until, (iat + maxTokenAgeSecs) * 1000);
        }
        if (until <= now) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> v.until() <= now);
            if (verified.size() >= maxEntries) {
                return; // full of live tokens: this one is verified on each use until room is made
            }
        }
        verified.put(token, new Verified(jwt, until));
    }

    private static Long seconds(JsonWebToken jwt, Claims claim) {
        Object value = jwt.getClaim(claim.name());
        return value instanceof Number n ? n.longValue() : null;
    }

    // Every other use names its own key or context: not cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
