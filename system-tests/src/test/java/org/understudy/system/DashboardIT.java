package org.understudy.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.understudy.infra.security.TokenMinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard at succession-service's {@code /}, in Debian's headless Chromium against
 * the real processes: a regulator signs in with a token, sees the same national figures as the API,
 * watches a new post arrive and its numbers change without a reload, sorts and filters the table,
 * downloads the CSV, opens a post and sees its chart and dismissal readiness; a viewer does not see
 * dismissal readiness. Screenshots of each screen at laptop and tablet widths go to
 * {@code system-tests/target/screenshots}.
 *
 * <p>Its trusts are in regions and of types no other system test counts (Midlands, South West,
 * North West community, North East and Yorkshire ambulance); its candidates are willing to work only
 * at Midlands acute trusts or nowhere (named successors), so they change no other test's numbers.
 */
class DashboardIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LAPTOP_WIDTH = 1366;
    private static final int LAPTOP_HEIGHT = 768;
    private static final int TABLET_WIDTH = 768;
    private static final int TABLET_HEIGHT = 1024;
    private static final String CEO = "CHIEF_EXECUTIVE";
    private static final String CHAIR = "CHAIR";

    private static Stack stack;
    private static TokenMinter tokens;
    private static Api writer;
    private static Api regulator;
    private static Chromium chromium;
    private static CuttableProxy line;
    private static Path screenshots;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.shared();
        tokens = stack.infra.tokens();
        writer = new Api(tokens.mint("admin", List.of()));
        regulator = new Api(tokens.mint("regulator", List.of()));
        Path target = Path.of(System.getProperty("understudy.root", "..")).toAbsolutePath().normalize().resolve("system-tests/target");
        screenshots = target.resolve("screenshots");
        Files.createDirectories(screenshots);
        try (var old = Files.newDirectoryStream(screenshots, "*.png")) {
            for (Path png : old) {
                Files.delete(png);
            }
        }
        // The browser reaches succession-service through a proxy whose line the test can cut.
        line = CuttableProxy.to(java.net.URI.create(stack.succession.baseUrl()).getPort());
        chromium = Chromium.start(target.resolve("chromium"), LAPTOP_WIDTH, LAPTOP_HEIGHT);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (line != null) {
            line.close();
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String ods(String prefix) {
        return prefix + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    @Test
    void aRegulatorWatchesSuccessionLiveAndAViewerSeesNoDismissalReadiness() throws Exception {
        // ---- data, through the public APIs ----------------------------------------------------
        LocalDate today = today();
        String midlands = ods("D");
        String southWest = ods("D");
        String northWest = ods("D");
        writer.organisation(midlands, "Dashboard Midlands Hospitals NHS Foundation Trust", "MIDLANDS", "ACUTE", 4);
        writer.organisation(southWest, "Dashboard South West Hospitals NHS Trust", "SOUTH_WEST", "ACUTE", 3);
        writer.organisation(northWest, "Dashboard North West Community NHS Trust", "NORTH_WEST", "COMMUNITY", 2);
        UUID midlandsCeo = writer.post(midlands, CEO);
        UUID midlandsChair = writer.post(midlands, CHAIR);
        UUID southWestCeo = writer.post(southWest, CEO);
        UUID northWestCeo = writer.post(northWest, CEO);

        // Two people ready now for Midlands acute chief executive posts (willing to take on a challenged
        // trust), one ready in 1 to 2 years: the Midlands CEO post is viable, its numbers change three times.
        for (String[] person : new String[][]{{"Asha Ready", "READY_NOW"}, {"Bryn Ready", "READY_NOW"}, {"Cora Soon", "READY_1_2_YEARS"}}) {
            UUID id = writer.candidate(person[0], List.of("MIDLANDS"), List.of("ACUTE"), true);
            writer.fitAndProper(id, today.minusDays(20));
            writer.assess(id, CEO, person[1], today.minusMonths(2));
        }
        // A named successor, ready now, for the North West chief executive: thin.
        UUID dev = writer.candidate("Dev Named", List.of(), List.of(), true);
        writer.fitAndProper(dev, today.minusDays(10));
        writer.assess(dev, CEO, "READY_NOW", today.minusMonths(1));
        writer.nominate(dev, northWestCeo, "READY_NOW");
        // The South West chief executive post is being recruited to: an open vacancy with applicants.
        UUID vacancy = writer.vacancy(southWestCeo);
        writer.vacancyStatus(vacancy, "OPEN", today.plusDays(30));
        writer.apply(vacancy, UUID.randomUUID());
        writer.apply(vacancy, UUID.randomUUID());

        regulator.awaitPost(midlandsCeo, p -> p.getInt("readyNow") == 2 && p.getInt("readySoon") == 1);
        regulator.awaitPost(northWestCeo, p -> p.getInt("readyNow") == 1);
        regulator.awaitPost(southWestCeo, p -> Integer.valueOf(2).equals(p.get("vacancy.applicants")));
        regulator.awaitPost(midlandsChair, p -> "MIDLANDS".equals(p.getString("region")));

        // ---- sign in --------------------------------------------------------------------------
        var driver = chromium.driver;
        var wait = new WebDriverWait(driver, WAIT);
        driver.get(line.baseUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertEquals("Sign in", driver.findElement(By.id("signin-title")).getText());

        // An expired token is refused by the page itself, saying so.
        pasteToken(tokens.mint("regulator-user", List.of("regulator"), List.of(), Instant.now().minusSeconds(7200), Duration.ofHours(1)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"), "expired"));
        // A role that may not see the succession view is told so.
        pasteToken(tokens.mint("hr", List.of(midlands)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"), "cannot see the succession view"));
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"), "signed out"));
        shoot("01-sign-in", LAPTOP_WIDTH, LAPTOP_HEIGHT);

        pasteToken(regulator.token);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview-title")));
        assertTrue(driver.findElement(By.id("session-role")).getText().contains("regulator"));
        // Nothing below reloads the page: this survives only if it never does.
        driver.executeScript("window.dashboardItMarker = 'never reloaded';");

        // ---- the national headline equals the API's -------------------------------------------
        awaitHeadlineMatchesApi(wait);
        wait.until(d -> "2".equals(cell(midlandsCeo, "readyNow")) && "1".equals(cell(northWestCeo, "readyNow")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state-text"), "Live"));
        assertFalse(driver.findElement(By.id("last-updated")).getText().isBlank());
        WebElement midlandsTile = driver.findElement(By.cssSelector("#region-grid button[data-region='MIDLANDS']"));
        assertTrue(midlandsTile.getText().contains("Midlands"));
        shoot("02-overview-laptop", LAPTOP_WIDTH, LAPTOP_HEIGHT);
        shoot("03-overview-tablet", TABLET_WIDTH, TABLET_HEIGHT);
        chromium.viewport(LAPTOP_WIDTH, LAPTOP_HEIGHT);

        // ---- live: a new post appears, then someone becomes ready for it, without a reload ---
        String northEast = ods("D");
        writer.organisation(northEast, "Dashboard Ambulance Service NHS Trust", "NORTH_EAST_AND_YORKSHIRE", "AMBULANCE", 5);
        UUID liveChair = writer.post(northEast, CHAIR);
        wait.until(d -> "0".equals(cell(liveChair, "readyNow")));
        WebElement liveRow = row(liveChair);
        assertTrue(liveRow.getText().contains("Dashboard Ambulance Service NHS Trust"), liveRow.getText());
        assertTrue(liveRow.getText().contains("None"), liveRow.getText());
        UUID erin = writer.candidate("Erin Named", List.of(), List.of(), true);
        writer.fitAndProper(erin, today.minusDays(5));
        writer.assess(erin, CHAIR, "READY_NOW", today.minusMonths(1));
        writer.nominate(erin, liveChair, "READY_NOW");
        wait.until(d -> "1".equals(cell(liveChair, "readyNow")) && row(liveChair).getText().contains("Thin"));
        awaitHeadlineMatchesApi(wait);
        assertNotReloaded();

        // ---- the stream drops (the line is cut) and comes back: the page says both ---------------
        line.cut();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-notice"), "Live updates were interrupted"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state-text"), "Reconnecting"));
        shoot("04-stream-interrupted-laptop", LAPTOP_WIDTH, LAPTOP_HEIGHT, LAPTOP_HEIGHT);
        line.restore();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-notice"), "Live updates reconnected"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state-text"), "Live"));
        // Changes after the reconnection arrive live as before.
        UUID fay = writer.candidate("Fay Named", List.of(), List.of(), true);
        writer.fitAndProper(fay, today.minusDays(5));
        writer.assess(fay, CHAIR, "READY_NOW", today.minusMonths(1));
        writer.nominate(fay, liveChair, "READY_NOW");
        wait.until(d -> "2".equals(cell(liveChair, "readyNow")) && row(liveChair).getText().contains("Viable"));
        awaitHeadlineMatchesApi(wait);
        assertNotReloaded();

        // ---- keyboard: sort by ready now, descending; filter by region; download the CSV -----
        WebElement readyNowSort = driver.findElement(By.cssSelector("th[data-sort='readyNow'] button"));
        readyNowSort.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-sort='readyNow']"), "aria-sort", "descending"));
        int top = Integer.parseInt(driver.findElement(By.cssSelector("#posts-body tr td[data-col='readyNow']")).getText());
        int most = driver.findElements(By.cssSelector("#posts-body tr td[data-col='readyNow']")).stream()
                .mapToInt(e -> Integer.parseInt(e.getText())).max().orElseThrow();
        assertEquals(most, top, "sorted by ready now, most first");
        new Select(driver.findElement(By.id("f-region"))).selectByValue("MIDLANDS");
        wait.until(d -> d.findElements(By.cssSelector("#posts-body tr")).stream()
                .allMatch(r -> r.getText().contains("Dashboard Midlands")) && !d.findElements(By.cssSelector("#posts-body tr")).isEmpty());
        assertEquals(2, driver.findElements(By.cssSelector("#posts-body tr")).size(), "the two Midlands posts");
        driver.findElement(By.id("csv")).click();
        Path csv = chromium.downloads.resolve("succession-posts.csv");
        await().atMost(WAIT).until(() -> Files.exists(csv) && Files.readString(csv).contains(midlands));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("postId,odsCode,organisationName,region"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",MIDLANDS,")), "only Midlands rows: " + lines);
        assertEquals(2, lines.size() - 1, "the CSV has the two Midlands posts: " + lines);
        shoot("05-overview-filtered-laptop", LAPTOP_WIDTH, LAPTOP_HEIGHT);
        // The integrated care board filter: these trusts are all overseen by QDB.
        WebElement icb = driver.findElement(By.id("f-icb"));
        icb.sendKeys("QZZZ");
        wait.until(d -> d.findElements(By.cssSelector("#posts-body tr[data-post-id]")).isEmpty());
        icb.sendKeys(Keys.chord(Keys.CONTROL, "a"), "qdb");
        wait.until(d -> d.findElements(By.cssSelector("#posts-body tr[data-post-id]")).size() == 2);

        // ---- a page at a time: more posts than a page, every one reachable with the pager ----------
        java.util.Set<String> east = new java.util.HashSet<>();
        for (int i = 0; i < 30; i++) {
            String trust = ods("E");
            writer.organisation(trust, "Dashboard East " + i + " NHS Trust", "EAST_OF_ENGLAND", "MENTAL_HEALTH", 2);
            east.add(writer.post(trust, CHAIR).toString());
        }
        new Select(driver.findElement(By.id("f-region"))).selectByValue("EAST_OF_ENGLAND");
        new Select(driver.findElement(By.id("rows-per-page"))).selectByValue("25");
        wait.until(d -> d.findElement(By.id("posts-count")).getText().matches("Showing 1–25 of \\d+ matching, .*")
                && Integer.parseInt(d.findElement(By.id("posts-count")).getText().replaceAll("Showing 1–25 of (\\d+) matching.*", "$1")) >= 30);
        assertTrue(driver.findElement(By.id("posts-pager")).isDisplayed(), "the pager shows");
        assertEquals(25, driver.findElements(By.cssSelector("#posts-body tr")).size(), "a page of 25 rows");
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (true) {
            driver.findElements(By.cssSelector("#posts-body tr[data-post-id]")).forEach(r -> seen.add(r.getAttribute("data-post-id")));
            WebElement next = driver.findElement(By.id("page-next"));
            if (!next.isEnabled()) {
                break;
            }
            String where = driver.findElement(By.id("page-where")).getText();
            next.click();
            wait.until(d -> !d.findElement(By.id("page-where")).getText().equals(where));
        }
        assertTrue(seen.containsAll(east), "every post of the region, page after page: " + east.size() + " created, " + seen.size() + " seen");
        new Select(driver.findElement(By.id("rows-per-page"))).selectByValue("500");
        driver.findElement(By.id("f-clear")).click();
        wait.until(d -> !d.findElement(By.id("posts-pager")).isDisplayed());

        // ---- a post: its numbers, chart, vacancy telemetry and dismissal readiness ------------
        int changes = regulator.effectiveHistory(midlandsCeo).size();
        onListedLink(wait, midlandsCeo, link -> link.sendKeys(Keys.ENTER));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("post-title"), "Dashboard Midlands Hospitals"));
        wait.until(d -> d.findElements(By.cssSelector("#chart svg circle")).size() == changes);
        assertTrue(driver.findElement(By.id("post-numbers")).getText().contains("Viable"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("readiness")));
        JsonPath readiness = regulator.get("/posts/" + midlandsCeo + "/dismissal-readiness");
        assertTrue(readiness.getBoolean("credible"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("readiness-verdict"), "Credible"));
        assertEquals(readiness.getString("summary"), driver.findElement(By.id("readiness-summary")).getText());
        List<String> reasonTexts = readiness.getList("reasons.text");
        String shown = driver.findElement(By.id("readiness-reasons")).getText();
        for (String reason : reasonTexts) {
            assertTrue(shown.contains(reason), "reason shown: " + reason);
        }
        assertNotReloaded();
        shoot("06-post-regulator-laptop", LAPTOP_WIDTH, LAPTOP_HEIGHT);
        shoot("07-post-regulator-tablet", TABLET_WIDTH, TABLET_HEIGHT);
        chromium.viewport(LAPTOP_WIDTH, LAPTOP_HEIGHT);

        // The recruiting post shows its vacancy telemetry.
        driver.findElement(By.cssSelector("a[href='#/']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview-title")));
        driver.findElement(By.id("f-clear")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#posts-body a[data-post-id='" + southWestCeo + "']")).isEmpty());
        onListedLink(wait, southWestCeo, WebElement::click);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("post-title"), "Dashboard South West"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("post-vacancy"), "Applicants\n2"));
        shoot("08-post-recruiting-laptop", LAPTOP_WIDTH, LAPTOP_HEIGHT);

        // ---- a viewer: everything but dismissal readiness -------------------------------------
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        pasteToken(tokens.mint("viewer", List.of()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-role"), "viewer"));
        driver.executeScript("location.hash = '#/posts/" + midlandsCeo + "';");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("post-title"), "Dashboard Midlands Hospitals"));
        wait.until(d -> d.findElements(By.cssSelector("#chart svg circle")).size() == changes);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("readiness-restricted")));
        assertFalse(driver.findElement(By.id("readiness")).isDisplayed(), "a viewer is not shown dismissal readiness");
        assertFalse(driver.findElement(By.tagName("main")).getText().contains("Credible"));
        assertNotReloaded();
        shoot("09-post-viewer-laptop", LAPTOP_WIDTH, LAPTOP_HEIGHT);
        shoot("10-post-viewer-tablet", TABLET_WIDTH, TABLET_HEIGHT);
    }

    // ---- the page ---------------------------------------------------------------------------------

    private static void pasteToken(String token) {
        var driver = chromium.driver;
        WebElement field = driver.findElement(By.id("token"));
        field.clear();
        // Pasted, not typed: a real token is a kilobyte of characters.
        driver.executeScript("arguments[0].value = arguments[1];", field, token);
        driver.findElement(By.id("sign-in")).click();
    }

    /** Waits until the page's headline shows what the API answers for the same token, asked afresh each time. */
    /**
     * Acts on a post's link in the list once the list holds still: the list is drawn again when its page
     * arrives and when the view changes, and a link found just before that is gone (stale) when used.
     */
    private static void onListedLink(WebDriverWait wait, UUID postId, Consumer<WebElement> action) {
        wait.until(d -> {
            try {
                action.accept(d.findElement(By.cssSelector("#posts-body a[data-post-id='" + postId + "']")));
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException drawnAgain) {
                return false;
            }
        });
    }

    private static void awaitHeadlineMatchesApi(WebDriverWait wait) {
        String[] last = new String[1];
        try {
            wait.until(d -> {
                JsonPath national = regulator.get("/summary?groupBy=region").setRootPath("national");
                int capacity = regulator.get("/capacity").getInt("capacity");
                String expected = national.getInt("posts") + " | " + national.getInt("postsWithNoReadyNow") + " | "
                        + percent(national.getDouble("credibleDismissalShare")) + " | " + capacity;
                String shown = text("h-posts") + " | " + text("h-no-ready") + " | " + text("h-credible") + " | " + text("h-capacity");
                last[0] = "API: " + expected + "; page: " + shown;
                return expected.equals(shown);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the headline never matched the API (" + last[0] + ")", e);
        }
    }

    /** As the page shows a share: a percentage with one decimal, rounded half up. */
    private static String percent(double share) {
        long tenths = Math.round(Math.round(share * 10000) / 10.0);
        return tenths / 10 + "." + tenths % 10 + "%";
    }

    private static String text(String id) {
        return chromium.driver.findElement(By.id(id)).getText();
    }

    private static WebElement row(UUID postId) {
        return chromium.driver.findElement(By.cssSelector("#posts-body tr[data-post-id='" + postId + "']"));
    }

    /** The text of a post's cell in the table, or null while the post is not in it. */
    private static String cell(UUID postId, String column) {
        var cells = chromium.driver.findElements(By.cssSelector("#posts-body tr[data-post-id='" + postId + "'] td[data-col='" + column + "']"));
        return cells.isEmpty() ? null : cells.get(0).getText();
    }

    private static void assertNotReloaded() {
        assertEquals("never reloaded", chromium.driver.executeScript("return window.dashboardItMarker;"),
                "the page was not reloaded");
    }

    /** The whole page (at most 4000 pixels tall) at a viewport of this size. */
    private static void shoot(String name, int width, int height) throws Exception {
        shoot(name, width, height, 4000);
    }

    private static void shoot(String name, int width, int height, int maxHeight) throws Exception {
        chromium.viewport(width, height);
        // Layout at the new width is done before the capture is taken (reading a size forces it).
        chromium.driver.executeScript("return document.body.getBoundingClientRect().height;");
        chromium.screenshot(screenshots.resolve(name + ".png"), width, maxHeight);
    }

    // ---- the APIs, with a bearer token ------------------------------------------------------------

    /** The three services' public APIs, each request carrying the given token. */
    private static final class Api {
        final String token;

        Api(String token) {
            this.token = token;
        }

        private RequestSpecification at(ServiceProcess service) {
            return given().baseUri(service.baseUrl()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
        }

        void organisation(String ods, String name, String region, String type, int segment) {
            at(stack.vacancy).body(Map.of("odsCode", ods, "name", name, "region", region, "organisationType", type,
                            "foundationTrust", true, "integratedCareBoardCode", "QDB", "oversightSegment", segment))
                    .post("/api/v1/organisations").then().statusCode(201);
        }

        UUID post(String ods, String role) {
            return UUID.fromString(at(stack.vacancy).body(Map.of("odsCode", ods, "role", role))
                    .post("/api/v1/posts").then().statusCode(201).extract().path("postId"));
        }

        UUID vacancy(UUID postId) {
            return UUID.fromString(at(stack.vacancy).body(Map.of("postId", postId.toString()))
                    .post("/api/v1/vacancies").then().statusCode(201).extract().path("vacancyId"));
        }

        void vacancyStatus(UUID vacancyId, String status, LocalDate closingDate) {
            at(stack.vacancy).body(Map.of("status", status, "closingDate", closingDate.toString()))
                    .post("/api/v1/vacancies/" + vacancyId + "/status").then().statusCode(200);
        }

        void apply(UUID vacancyId, UUID candidateId) {
            at(stack.vacancy).body(Map.of("candidateId", candidateId.toString()))
                    .post("/api/v1/vacancies/" + vacancyId + "/applications").then().statusCode(201);
        }

        UUID candidate(String name, List<String> regions, List<String> types, boolean considersChallenged) {
            String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net";
            return UUID.fromString(at(stack.candidate).body(Map.of("name", name, "email", email, "mobility",
                            Map.of("regions", regions, "organisationTypes", types, "considersChallengedOrganisations", considersChallenged)))
                    .post("/api/v1/candidates").then().statusCode(201).extract().path("candidateId"));
        }

        void fitAndProper(UUID candidateId, LocalDate checkedOn) {
            at(stack.candidate).body(Map.of("status", "PASSED", "checkedOn", checkedOn.toString()))
                    .put("/api/v1/candidates/" + candidateId + "/fit-and-proper").then().statusCode(200);
        }

        void assess(UUID candidateId, String role, String level, LocalDate assessedOn) {
            at(stack.candidate).body(Map.of("role", role, "level", level, "assessedOn", assessedOn.toString(), "assessedBy", "Dashboard test panel"))
                    .put("/api/v1/candidates/" + candidateId + "/readiness").then().statusCode(200);
        }

        /** Names the candidate as successor, retrying while candidate-service has not yet heard of the post (404). */
        void nominate(UUID candidateId, UUID postId, String readiness) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                int status = at(stack.candidate).body(Map.of("postId", postId.toString(), "readiness", readiness))
                        .post("/api/v1/candidates/" + candidateId + "/nominations").statusCode();
                if (status != 201 && status != 404) {
                    throw new AssertionError("nominating " + candidateId + " for " + postId + " answered " + status);
                }
                return status == 201;
            });
        }

        JsonPath get(String path) {
            return at(stack.succession).accept(ContentType.JSON).get("/api/v1/succession" + path)
                    .then().statusCode(200).extract().jsonPath();
        }

        List<Object> effectiveHistory(UUID postId) {
            return get("/posts/" + postId + "/effective-history").getList("$");
        }

        void awaitPost(UUID postId, java.util.function.Predicate<JsonPath> condition) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                var response = at(stack.succession).get("/api/v1/succession/posts/" + postId);
                return response.statusCode() == 200 && condition.test(response.jsonPath());
            });
        }
    }
}
