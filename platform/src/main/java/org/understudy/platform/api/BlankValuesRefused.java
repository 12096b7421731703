package org.understudy.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * An id, a date or an enum sent as an empty or blank string (including control characters such as
 * NUL, which Jackson trims away) is refused, not read as absent. Otherwise {@code "candidateId":"\u0000"}
 * beside a name was accepted as "no candidate id": a value the client sent silently meant nothing
 * (found by the fuzzing test).
 */
@Singleton
public class BlankValuesRefused implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        for (LogicalType type : new LogicalType[] {LogicalType.OtherScalar, LogicalType.DateTime, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setAcceptBlankAsEmpty(Boolean.TRUE)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }
}
