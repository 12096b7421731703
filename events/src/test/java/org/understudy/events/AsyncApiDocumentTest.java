package org.understudy.events;

import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.asyncapi.v3._0_0.model.channel.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI document (read with an AsyncAPI library's 3.0.0 model) names every topic the services use,
 * every event type the code can publish on the topic it goes to, each service's writes and reads, and
 * schema files that exist.
 */
class AsyncApiDocumentTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static AsyncAPI document;
    private static JsonNode tree;

    /** The topic each publisher's types go to, and the classes that list them. */
    private static final Map<String, Class<?>> TYPES_BY_TOPIC = Map.of(
            Topics.VACANCY_EVENTS, VacancyEventTypes.class,
            Topics.CANDIDATE_EVENTS, CandidateEventTypes.class,
            Topics.SUCCESSION_ALERTS, SuccessionEventTypes.class,
            Topics.SUCCESSION_ASSESSMENTS, AssessmentEventTypes.class);

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi/asyncapi.yaml on the class path");
            byte[] yaml = in.readAllBytes();
            document = YAML.readValue(yaml, AsyncAPI.class);
            tree = YAML.readTree(yaml);
        }
    }

    @Test
    void isAnAsyncApi3DocumentOfEveryTopicTheServicesUse() {
        assertEquals("3.0.0", document.getAsyncapi());
        Set<String> used = new TreeSet<>();
        for (Topics.Access service : Topics.Access.values()) {
            used.addAll(service.reads());
            used.addAll(service.writes());
        }
        Set<String> addresses = new TreeSet<>();
        document.getChannels().values().forEach(channel -> addresses.add(((Channel) channel).getAddress()));
        assertEquals(used, addresses);
    }

    @Test
    void everyTypeTheCodeCanPublishIsAMessageOfItsTopic() throws IllegalAccessException {
        Set<String> messages = document.getComponents().getMessages().keySet();
        for (Map.Entry<String, Class<?>> topic : TYPES_BY_TOPIC.entrySet()) {
            Set<String> types = typesOf(topic.getValue());
            assertTrue(!types.isEmpty());
            assertTrue(messages.containsAll(types), "components.messages lacks " + difference(types, messages));
            Channel channel = (Channel) document.getChannels().get(topic.getKey());
            assertEquals(types, channel.getMessages().keySet(), "the messages of " + topic.getKey());
        }
    }

    @ParameterizedTest
    @EnumSource(Topics.Access.class)
    void eachServicesWritesAndReadsAreOperations(Topics.Access service) {
        Set<String> sends = new HashSet<>();
        Set<String> receives = new HashSet<>();
        tree.get("operations").forEach(operation -> {
            if (service.service().equals(operation.path("x-service").asText())) {
                String channel = operation.path("channel").path("$ref").asText().replace("#/channels/", "");
                (operation.path("action").asText().equals("send") ? sends : receives).add(channel);
            }
        });
        assertEquals(Set.copyOf(service.writes()), sends, service.service() + " writes");
        assertEquals(Set.copyOf(service.reads()), receives, service.service() + " reads");
    }

    @Test
    void theSchemasTheMessagesNameExistAndEachTypesStateIsItsAggregates() {
        tree.get("components").get("messages").fields().forEachRemaining(message -> {
            JsonNode schema = message.getValue().path("payload").path("schema").path("allOf");
            String envelope = schema.get(0).path("$ref").asText();
            String state = schema.get(1).path("properties").path("data").path("properties").path("state").path("$ref").asText();
            assertEquals("schemas/envelope.v1.json", envelope);
            assertEquals("schemas/" + EventTypes.stateSchemaOf(message.getKey()), state, message.getKey());
            for (String file : List.of(envelope, state)) {
                assertNotNull(AsyncApiDocumentTest.class.getResource("/" + file), file + " on the class path");
            }
        });
    }

    private static Set<String> typesOf(Class<?> constants) throws IllegalAccessException {
        Set<String> types = new TreeSet<>();
        for (Field field : constants.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        return types;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> left = new TreeSet<>(a);
        left.removeAll(b);
        return left;
    }
}
