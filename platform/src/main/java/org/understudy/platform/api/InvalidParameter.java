package org.understudy.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A path, query or header parameter that cannot be read: 400 (or 404 for a path) naming it. */
public class InvalidParameter extends WebApplicationException {
    private final String parameter;

    public InvalidParameter(String parameter, String detail, Response.Status status) {
        super(detail, status);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
