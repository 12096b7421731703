package org.understudy.succession;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The dashboard is served at {@code /} with its script and style sheet as separate files (the page
 * has no inline script or style, so a Content-Security-Policy of 'self' holds). The browser test is
 * system-tests' DashboardIT.
 */
@QuarkusTest
class DashboardPageTest {
    @Test
    void theDashboardIsServedAtTheRoot() {
        given().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<title>Understudy: succession dashboard</title>"))
                .body(containsString("<script src=\"dashboard.js\" defer></script>"))
                .body(containsString("<link rel=\"stylesheet\" href=\"dashboard.css\">"))
                .body(not(containsString("<style")))
                .body(not(containsString("style=\"")))
                .body(not(containsString("<script>")));
        given().get("/dashboard.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("/api/v1/succession"));
        given().get("/dashboard.css").then().statusCode(200).contentType(startsWith("text/css"));
    }
}
