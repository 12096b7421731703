package org.understudy.vacancy.domain;

import java.util.Set;

/** Who asks for a change: the user name and roles of the request's token. */
public record Caller(String name, Set<String> roles) {
}
