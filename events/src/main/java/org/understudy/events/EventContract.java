package org.understudy.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an event (the JSON text of a Kafka record value) against the JSON Schemas in
 * {@code /schemas}: the envelope, then {@code data.state} against the schema its type names (see
 * {@link EventTypes}). The text is read once, into a tree that is checked and then read into the
 * envelope. Producers check what they emit with it in tests; consumers check what they receive.
 */
public final class EventContract {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getDraft202012(), builder -> builder
            .schemaRegistryConfig(SchemaRegistryConfig.builder()
                    // Formats (date, date-time, uuid) are checked, not only annotated; errors name where, as JSON pointers.
                    .formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build()));
    private static final Schema ENVELOPE = load("envelope.v1.json").orElseThrow();
    private static final Map<String, Optional<Schema>> STATE_SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** True when this contract has a schema for the type's state. */
    public static boolean knows(String type) {
        return stateSchema(type).isPresent();
    }

    /**
     * Parses and validates an event.
     *
     * @throws ContractViolation when the text is not JSON, the envelope is invalid, or the type is
     *                           known and its state invalid
     */
    public static CloudEvent parse(String json) {
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new ContractViolation(List.of("not a JSON object: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
        }
        if (tree == null || !tree.isObject()) {
            throw new ContractViolation(List.of("not a JSON object"));
        }
        List<String> errors = new ArrayList<>();
        collect(ENVELOPE.validate(tree), "", errors);
        if (errors.isEmpty()) {
            stateSchema(tree.get("type").asText()).ifPresent(state ->
                    collect(state.validate(tree.get("data").get("state")), "/data/state", errors));
        }
        if (!errors.isEmpty()) {
            throw new ContractViolation(errors);
        }
        try {
            return EventJson.mapper().treeToValue(tree, CloudEvent.class);
        } catch (IOException e) {
            throw new ContractViolation(List.of("unreadable envelope: " + e.getMessage()));
        }
    }

    /**
     * The event's {@code type}, read without validating anything else: a consumer that will ignore
     * the type need not pay for the schema check (it is the most expensive part of consuming). Empty
     * when the text is not a JSON object with a textual top-level {@code type}: such a record goes
     * through {@link #parse}, which rejects it. Also empty when {@code type} appears twice.
     */
    public static Optional<String> typeOf(String json) {
        try (JsonParser parser = EventJson.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String type = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    if (type != null || value != JsonToken.VALUE_STRING) {
                        return Optional.empty(); // twice, or not text: parse decides (it keeps the last)
                    }
                    type = parser.getText();
                }
                parser.skipChildren();
            }
            return Optional.ofNullable(type);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Schema> stateSchema(String type) {
        String file = EventTypes.stateSchemaOf(type);
        return file == null ? Optional.empty() : STATE_SCHEMAS.computeIfAbsent(file, EventContract::load);
    }

    private static void collect(List<Error> found, String prefix, List<String> errors) {
        for (Error e : found) {
            errors.add(prefix + e.getInstanceLocation() + ": " + e.getMessage());
        }
    }

    private static Optional<Schema> load(String file) {
        try (InputStream in = EventContract.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(SCHEMAS.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
