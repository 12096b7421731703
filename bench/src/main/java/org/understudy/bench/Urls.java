package org.understudy.bench;

/** Where the stack under test answers. */
record Urls(String vacancy, String candidate, String succession, String kafka) {
}
