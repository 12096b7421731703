package org.understudy.succession.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes an answer as the JSON body the API would have written for it (the application's mapper). */
@ApplicationScoped
public class JsonBodies {
    @Inject
    ObjectMapper json;

    public byte[] write(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + answer.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }
}
