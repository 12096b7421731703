package org.understudy.platform.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads enum, UUID and date parameters so that a bad value is a problem naming the parameter
 * (Jakarta REST would otherwise answer a bare 404 for a query or path parameter it cannot convert).
 * A malformed id in the path names no resource: 404; anything else: 400.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        boolean inPath = Arrays.stream(annotations).anyMatch(a -> a instanceof PathParam);
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new Converter<>(value -> Enum.valueOf((Class) rawType, value.strip()), name,
                    "expected one of " + Arrays.toString(rawType.getEnumConstants()), inPath);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(v -> UUID.fromString(v.strip()), name, "expected a UUID", inPath);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(v -> LocalDate.parse(v.strip()), name, "expected a date (YYYY-MM-DD)", inPath);
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(java.util.function.Function<String, T> parse, String name, String expected, boolean inPath)
            implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameter(name, "'" + value + "' is not valid for " + name + "; " + expected,
                        inPath ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
