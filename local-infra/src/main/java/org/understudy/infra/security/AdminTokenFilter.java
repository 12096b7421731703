package org.understudy.infra.security;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Makes every REST Assured request of a test JVM carry a real admin token signed with the test
 * key (the services verify it like any other), unless the request names its own Authorization
 * header. A request meant to carry no token at all sends {@code Authorization: none}, which is removed.
 */
public final class AdminTokenFilter {
    public static final String NO_TOKEN = "none";
    private static boolean installed;

    private AdminTokenFilter() {
    }

    public static synchronized void install() {
        if (installed || !TestTokens.available()) {
            return; // already there, or no test key in this JVM (nothing would trust the token)
        }
        String token = TestTokens.mint("admin");
        Filter filter = (request, response, ctx) -> {
            String given = request.getHeaders().getValue("Authorization");
            if (given == null) {
                request.header("Authorization", "Bearer " + token);
            } else if (given.equals(NO_TOKEN)) {
                request.removeHeader("Authorization");
            }
            return ctx.next(request, response);
        };
        RestAssured.filters(filter);
        installed = true;
    }
}
