package org.understudy.succession;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.events.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Readiness says so when a topic the view is rebuilt from would delete events, and recovers once it keeps them. */
@QuarkusTest
class TopicRetentionReadinessTest {
    private static final String CHECK = "checks.find { it.name == 'event topics keep every event' }";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aTopicThatDeletesEventsMakesReadinessDownNamingIt() throws Exception {
        try (StoryEvents story = new StoryEvents(bootstrap)) { // the topic exists once something is sent to it
            story.candidate(Region.LONDON, OrganisationType.ACUTE, LocalDate.now()).publish(LocalDate.now());
        }
        given().get("/q/health/ready").then().body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.'" + Topics.CANDIDATE_EVENTS + "'", equalTo("keeps every event"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            retention(admin, "604800000"); // Kafka's default: a week
            try {
                given().get("/q/health/ready").then().statusCode(503)
                        .body(CHECK + ".status", equalTo("DOWN"))
                        .body(CHECK + ".data.reason", containsString(Topics.CANDIDATE_EVENTS + " would delete events"))
                        .body(CHECK + ".data.'" + Topics.CANDIDATE_EVENTS + "'",
                                equalTo("deletes events (cleanup.policy=delete, retention.ms=604800000)"));
            } finally {
                retention(admin, "-1");
            }
            given().get("/q/health/ready").then().body(CHECK + ".status", equalTo("UP"));
        }
    }

    private static void retention(Admin admin, String ms) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CANDIDATE_EVENTS);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry("retention.ms", ms), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
    }
}
