package org.understudy.vacancy;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.TokenMinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service trusts an OIDC provider as a deployment configures one: its signing keys fetched from its
 * JWKS address, its issuer, the roles in the claim it uses ({@code roles}, as Microsoft Entra ID's app
 * roles) and the ODS codes in a claim of its own naming. Roles elsewhere in a token give none; a token signed
 * by a key the provider does not publish, or issued by another issuer, is not signed in.
 */
@QuarkusTest
@TestProfile(IdentityProviderTest.Provider.class)
class IdentityProviderTest {
    static final String ISSUER = "https://login.identity.test/tenant/v2.0";
    static final String ORGS_CLAIM = "extension_orgs";

    /** A provider's key endpoint on loopback, serving one RSA key by its kid, counting fetches. */
    static final class Jwks {
        static final KeyPair KEYS = generate();
        static final AtomicInteger FETCHES = new AtomicInteger();
        static HttpServer server;

        static synchronized String url() {
            if (server == null) {
                try {
                    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
                byte[] body = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"key-1\",\"n\":\""
                        + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                server.createContext("/discovery/keys", exchange -> {
                    FETCHES.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
            }
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/discovery/keys";
        }

        private static String unsigned(BigInteger value) {
            byte[] bytes = value.toByteArray();
            int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
        }

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", Jwks.url(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "smallrye.jwt.path.groups", "roles",
                    "understudy.security.orgs-claim", ORGS_CLAIM);
        }
    }

    private static String token(String role, String... orgs) {
        return new TokenMinter(Jwks.KEYS.getPrivate(), ISSUER, "key-1", "roles", ORGS_CLAIM).mint(role, List.of(orgs));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void tokensOfTheConfiguredProviderAreVerifiedWithItsPublishedKeysAndClaims() {
        String own = OrganisationApiTest.newOdsCode();
        String other = OrganisationApiTest.newOdsCode();

        // Roles from "roles", ODS codes from the provider's own claim.
        as(token("hr", own)).body(OrganisationApiTest.organisation(own)).post("/api/v1/organisations").then().statusCode(201);
        as(token("hr", own)).body(OrganisationApiTest.organisation(other, 3)).post("/api/v1/organisations").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString(ORGS_CLAIM));
        as(token("regulator")).get("/api/v1/organisations/" + own).then().statusCode(200);
        assertTrue(Jwks.FETCHES.get() > 0, "the keys were fetched from the provider's JWKS address");

        // Roles in a claim that is neither the configured one nor the standard "groups" give no role.
        String otherShape = new TokenMinter(Jwks.KEYS.getPrivate(), ISSUER, "key-1", "scp", "orgs").mint("admin", List.of());
        as(otherShape).get("/api/v1/organisations/" + own).then().statusCode(403);
        // Signed by a key the provider does not publish, or issued by another issuer: not signed in.
        KeyPair stranger = Jwks.generate();
        as(new TokenMinter(stranger.getPrivate(), ISSUER, "key-1", "roles", ORGS_CLAIM).mint("admin", List.of()))
                .get("/api/v1/organisations/" + own).then().statusCode(401);
        as(new TokenMinter(Jwks.KEYS.getPrivate(), "https://elsewhere.test/v2.0", "key-1", "roles", ORGS_CLAIM).mint("admin", List.of()))
                .get("/api/v1/organisations/" + own).then().statusCode(401);
    }
}
