package org.understudy.events;

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

/**
 * Validates an event (the JSON text of a Kafka record value) against the JSON Schemas in
 * {@code /schemas}: the envelope, then {@code data.state} against the schema of its type.
 * Producers check what they emit with it in tests; consumers check what they receive.
 */
public final class EventContract {
    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            // The default (flag) output says only valid or not; basic lists each error and where.
            .setOutputFormat(OutputFormat.Basic)
            .setBaseUri("urn:understudy:schemas:");
    private static final Validator ENVELOPE = validator("envelope.v1.json");
    private static final Validator ORGANISATION = validator("organisation-state.v1.json");
    private static final Validator POST = validator("post-state.v1.json");
    private static final Map<String, Validator> STATE_BY_TYPE = stateValidators();

    private EventContract() {
    }

    /** True when this contract version knows the event type. */
    public static boolean knows(String type) {
        return STATE_BY_TYPE.containsKey(type);
    }

    /**
     * Parses and validates an event.
     *
     * @throws ContractViolation when the text is not JSON, the envelope is invalid, the type is
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
            Validator state = STATE_BY_TYPE.get(object.getString("type"));
            if (state != null) {
                collect(state.validate(object.getJsonObject("data").getJsonObject("state")), "/data/state", errors);
            }
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

    private static Map<String, Validator> stateValidators() {
        Map<String, Validator> byType = new java.util.HashMap<>();
        EventTypes.ORGANISATION_TYPES.forEach(t -> byType.put(t, ORGANISATION));
        EventTypes.POST_TYPES.forEach(t -> byType.put(t, POST));
        return Map.copyOf(byType);
    }

    private static Validator validator(String file) {
        try (InputStream in = EventContract.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schema /schemas/" + file);
            }
            JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return Validator.create(JsonSchema.of(schema), OPTIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
