package org.understudy.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens shaped like an OIDC provider's: {@code iss}, {@code aud}, {@code sub},
 * {@code upn}, {@code groups} (the Understudy roles), {@code orgs} (ODS codes an {@code hr} user
 * may write for), {@code iat}, {@code exp}, {@code jti}. Used by {@code deploy/local/token} and by
 * tests; production tokens come from the organisation's identity provider.
 */
public final class TokenMinter {
    /** The issuer and audience the local stack and the tests trust (configurable in the services). */
    public static final String LOCAL_ISSUER = "https://understudy.local/issuer";
    public static final String AUDIENCE = "understudy";

    private final PrivateKey key;
    private final String issuer;
    private final String keyId;
    private final String rolesClaim;
    private final String orgsClaim;

    public TokenMinter(PrivateKey key, String issuer) {
        this(key, issuer, null, "groups", "orgs");
    }

    /**
     * Tokens as a given identity provider shapes them: the {@code kid} of the signing key in its JWKS (or
     * none), and its own names for the claims holding the roles and the ODS codes.
     */
    public TokenMinter(PrivateKey key, String issuer, String keyId, String rolesClaim, String orgsClaim) {
        this.key = key;
        this.issuer = issuer;
        this.keyId = keyId;
        this.rolesClaim = rolesClaim;
        this.orgsClaim = orgsClaim;
    }

    public TokenMinter(SigningKeys keys) {
        this(keys.privateKey(), LOCAL_ISSUER);
    }

    /** A token for a user called after the role, valid for the given time from now. */
    public String mint(String role, List<String> orgs, Duration validFor) {
        return mint(role + "-user", List.of(role), orgs, Instant.now(), validFor);
    }

    public String mint(String role, List<String> orgs) {
        return mint(role, orgs, Duration.ofHours(8));
    }

    public String mint(String subject, List<String> roles, List<String> orgs, Instant issuedAt, Duration validFor) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"" + (keyId == null ? "" : ",\"kid\":" + quote(keyId)) + "}";
        String claims = "{"
                + "\"iss\":" + quote(issuer)
                + ",\"aud\":" + quote(AUDIENCE)
                + ",\"sub\":" + quote(subject)
                + ",\"upn\":" + quote(subject)
                + "," + quote(rolesClaim) + ":" + array(roles)
                + "," + quote(orgsClaim) + ":" + array(orgs)
                + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + issuedAt.plus(validFor).getEpochSecond()
                + ",\"jti\":" + quote(UUID.randomUUID().toString())
                + "}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token: " + e.getMessage(), e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String array(List<String> values) {
        return values.stream().map(TokenMinter::quote).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
