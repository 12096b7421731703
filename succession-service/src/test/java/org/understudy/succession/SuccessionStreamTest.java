package org.understudy.succession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.infra.security.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@QuarkusTest
class SuccessionStreamTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/succession/stream")
    URI stream;

    @ConfigProperty(name = "understudy.stream.snapshot-page-size")
    int pageSize;

    /** One server-sent event: its name and its data. */
    record Sse(String event, String data) {
    }

    @Test
    void aClientGetsTheCurrentStateThenEachChangeWithoutReloading() throws Exception {
        String ods = "Q" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        UUID post = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        try (StoryEvents story = new StoryEvents(bootstrap)) {
            story.organisation(ods, Region.NORTH_EAST_AND_YORKSHIRE, OrganisationType.COMMUNITY, 3, today);
            story.post(post, ods, null, null, false, today);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/api/v1/succession/posts/" + post).then().statusCode(200));

            BlockingQueue<Sse> received = subscribe("?region=NORTH_EAST_AND_YORKSHIRE&organisationType=COMMUNITY");

            List<Sse> initial = until(received, e -> e.event().equals("ready"));
            assertTrue(initial.stream().anyMatch(e -> e.event().equals("post") && e.data().contains(post.toString())
                    && e.data().contains("\"readyNow\":0")), "the current state comes first: " + initial);

            story.candidate(Region.NORTH_EAST_AND_YORKSHIRE, OrganisationType.COMMUNITY, today)
                    .readyAsCeo(ReadinessLevel.READY_NOW, today).publish(today);
            List<Sse> changes = until(received, e -> e.data().contains(post.toString()) && e.data().contains("\"readyNow\":1"));
            Sse change = changes.get(changes.size() - 1);
            assertEquals("post", change.event());
            assertTrue(change.data().contains("\"replaceability\":\"THIN\""), change.data());
            given().get("/api/v1/succession/posts/" + post).then().body("readyNow", equalTo(1));
        }
    }

    /**
     * More matching posts than a page of the first state (the test profile's
     * {@code understudy.stream.snapshot-page-size}): every one is sent before {@code ready}, and
     * {@code ready} says how many matched.
     */
    @Test
    void theFirstStateHoldsEveryMatchingPostHoweverMany() throws Exception {
        LocalDate today = LocalDate.now();
        List<UUID> created = new ArrayList<>();
        try (StoryEvents story = new StoryEvents(bootstrap)) {
            for (int i = 0; i < 2 * pageSize + 2; i++) {
                String ods = "Q" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
                UUID post = UUID.randomUUID();
                story.organisation(ods, Region.LONDON, OrganisationType.AMBULANCE, 5, today);
                story.post(post, ods, null, null, false, today);
                created.add(post);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/v1/succession/posts/" + created.get(created.size() - 1)).then().statusCode(200)
                            .body("oversightSegment", equalTo(5)));
        }
        BlockingQueue<Sse> received = subscribe("?region=LONDON&organisationType=AMBULANCE&oversightSegment=5");

        List<Sse> initial = until(received, e -> e.event().equals("ready"));
        java.util.Set<String> sent = new java.util.HashSet<>();
        initial.stream().filter(e -> e.event().equals("post"))
                .forEach(e -> sent.add(e.data().replaceAll(".*\"postId\":\"([^\"]+)\".*", "$1")));
        assertTrue(sent.size() > pageSize, "more posts than a page: " + sent.size());
        for (UUID post : created) {
            assertTrue(sent.contains(post.toString()), post + " in the first state");
        }
        assertEquals("{\"posts\":" + sent.size() + "}", initial.get(initial.size() - 1).data(), "ready says how many matched");
    }

    /** Opens the stream as a viewer, with these filters; its events arrive in the queue as they come. */
    private BlockingQueue<Sse> subscribe(String filters) throws Exception {
        BlockingQueue<Sse> received = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stream + filters))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.mint("viewer")).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> parse(response.body(), received), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return received;
    }

    private static List<Sse> until(BlockingQueue<Sse> queue, java.util.function.Predicate<Sse> last) throws InterruptedException {
        List<Sse> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Sse next = queue.poll(200, TimeUnit.MILLISECONDS);
            if (next != null) {
                seen.add(next);
                if (last.test(next)) {
                    return seen;
                }
            }
        }
        fail("the expected event did not arrive; got " + seen);
        return seen;
    }

    private static void parse(Stream<String> lines, BlockingQueue<Sse> out) {
        String[] event = {"message"};
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    out.add(new Sse(event[0], data.toString()));
                }
                event[0] = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event[0] = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        });
    }
}
