package org.understudy.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * A string anywhere in a JSON body holding text the database cannot store ({@link UnstorableText}) is
 * refused as it is read, with 400 naming the field: Jackson's own string reader, with that check added.
 * Without it, a NUL byte in a free-text field reached PostgreSQL, which refused it, and the service
 * answered 500.
 */
@Singleton
public class UnstorableStringsRefused implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("unstorable-strings-refused").addDeserializer(String.class, new StorableStrings()));
    }

    static final class StorableStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (UnstorableText.isUnstorable(text)) {
                throw new UnstorableText(parser);
            }
            return text;
        }
    }
}
