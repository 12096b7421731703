package org.understudy.succession;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.AdminTokenFilter;
import org.understudy.infra.security.TestTokens;
import org.understudy.platform.security.VerifiedTokenCache;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * With verified tokens remembered ({@link VerifiedTokenCache}), a token is still refused when it
 * has expired, is signed with another key, names another issuer or has been altered, also after
 * a good token from the same key has been used (and remembered).
 */
@QuarkusTest
class VerifiedTokensTest {
    private static final String LIST = "/api/v1/succession/posts";

    @Inject
    JWTParser parser;

    @Test
    void theCacheIsInPlaceAndRefusesWhatTheParserRefuses() {
        assertInstanceOf(VerifiedTokenCache.class, ClientProxy.unwrap(parser));

        String good = TestTokens.mint("viewer");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + good).get(LIST).then().statusCode(200);
        }
        // The same claims with another signature, and another payload with the good signature.
        String[] parts = good.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        String otherPayload = parts[0] + "." + flip(parts[1]) + "." + parts[2];
        for (String refused : new String[]{TestTokens.expired("viewer"), TestTokens.wrongSignature("viewer"),
                TestTokens.wrongIssuer("viewer"), otherSignature, otherPayload, good + "x"}) {
            for (int i = 0; i < 2; i++) {
                given().header("Authorization", "Bearer " + refused).get(LIST).then().statusCode(401);
            }
        }
        given().header("Authorization", AdminTokenFilter.NO_TOKEN).get(LIST).then().statusCode(401);
        given().header("Authorization", "Bearer " + good).get(LIST).then().statusCode(200);
    }

    /** The text with its middle character changed (still base64url). */
    private static String flip(String s) {
        int i = s.length() / 2;
        return s.substring(0, i) + (s.charAt(i) == 'A' ? 'B' : 'A') + s.substring(i + 1);
    }
}
