package org.understudy.platform.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.understudy.platform.problem.ApiProblem;

import java.util.Comparator;

/**
 * Checks an import row by the rules of the API's own request for the same record (its Bean Validation
 * constraints), so that a file and a call refuse the same values in the same words.
 */
public final class RequestCheck {
    private RequestCheck() {
    }

    /**
     * The request, when valid; otherwise a 400 naming the first column at fault (a nested field by its own
     * name, {@code mobility.regions} as {@code regions}: the files are flat).
     */
    public static <T> T valid(Validator validator, T request) {
        validator.validate(request).stream()
                .min(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    String path = v.getPropertyPath().toString();
                    String column = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
                    column = column.substring(column.lastIndexOf('.') + 1);
                    throw ApiProblem.badRequest(column, column + ": " + v.getMessage());
                });
        return request;
    }
}
