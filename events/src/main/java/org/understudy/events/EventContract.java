package org.understudy.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an event (the JSON text of a Kafka record value) against the JSON Schemas in
 * {@code /schemas}: the envelope, then {@code data.state} against the schema its type names (see
 * {@link EventTypes}). Producers check what they emit with it in tests; consumers check what they
 * receive.
 */
public final class EventContract {
    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            // The default (flag) output says only valid or not; basic lists each error and where.
            .setOutputFormat(OutputFormat.Basic)
            .setBaseUri("urn:understudy:schemas:");
    private static final Validator ENVELOPE = load("envelope.v1.json").orElseThrow();
    private static final Map<String, Optional<Validator>> STATE_SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** True when this contract has a schema for the type's state. */
    public static boolean knows(String type) {
        return stateValidator(type).isPresent();
    }

    /**
     * Parses and validates an event.
     *
     * @throws ContractViolation when the text is not JSON, the envelope is invalid, or the type is
     *                           known and its state invalid
     */
    public static CloudEvent parse(String json) {
        JsonObject object;
        try {
            object = new JsonObject(json);
        } catch (RuntimeException e) {
            throw new ContractViolation(List.of("not a JSON object: " + e.getMessage()));
        }
        List<String> errors = new ArrayList<>();
        collect(ENVELOPE.validate(object), "", errors);
        if (errors.isEmpty()) {
            stateValidator(object.getString("type")).ifPresent(state ->
                    collect(state.validate(object.getJsonObject("data").getJsonObject("state")), "/data/state", errors));
        }
        if (!errors.isEmpty()) {
            throw new ContractViolation(errors);
        }
        try {
            return EventJson.mapper().readValue(json, CloudEvent.class);
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

    private static Optional<Validator> stateValidator(String type) {
        String file = EventTypes.stateSchemaOf(type);
        return file == null ? Optional.empty() : STATE_SCHEMAS.computeIfAbsent(file, EventContract::load);
    }

    private static void collect(OutputUnit result, String prefix, List<String> errors) {
        if (Boolean.TRUE.equals(result.getValid())) {
            return;
        }
        if (result.getErrors() == null || result.getErrors().isEmpty()) {
            errors.add(prefix + pointer(result) + ": " + result.getError());
            return;
        }
        for (OutputUnit error : result.getErrors()) {
            errors.add(prefix + pointer(error) + ": " + error.getError());
        }
    }

    /** The instance location as a JSON pointer ("#/a/b" becomes "/a/b"). */
    private static String pointer(OutputUnit unit) {
        String location = unit.getInstanceLocation();
        return location == null ? "" : location.replaceFirst("^#", "");
    }

    private static Optional<Validator> load(String file) {
        try (InputStream in = EventContract.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return Optional.of(Validator.create(JsonSchema.of(schema), OPTIONS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
