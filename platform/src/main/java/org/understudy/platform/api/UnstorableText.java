package org.understudy.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Text PostgreSQL refuses to store: a NUL character (U+0000) anywhere in it. Refused where it enters a
 * service (a JSON body field, a path or query parameter) with 400 naming the field, so that it never
 * reaches the database and answers 500 there. A kind of mismatched input, as Quarkus REST hands those
 * to the exception mappers (the problem names the field) rather than answering a bare 400 itself.
 */
public final class UnstorableText extends MismatchedInputException {
    public static final String DETAIL = "must not contain a NUL character (U+0000), which cannot be stored";

    UnstorableText(JsonParser parser) {
        super(parser, DETAIL, String.class);
    }

    public static boolean isUnstorable(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
