package org.understudy.system;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps every succession-service response that the system tests receive through REST Assured,
 * for {@link PrivacyIT} to scan. Large runs keep the first {@value #LIMIT} responses in full and
 * count the rest (polling loops repeat the same few bodies).
 */
final class SuccessionResponses {
    record Recorded(String method, String uri, int status, String body) {
    }

    private static final int LIMIT = 50_000;
    private static final List<Recorded> RECORDED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger UNKEPT = new AtomicInteger();
    private static boolean installed;

    private SuccessionResponses() {
    }

    static synchronized void install(String successionBaseUrl) {
        if (installed) {
            return;
        }
        Filter recorder = (request, response, ctx) -> {
            Response answer = ctx.next(request, response);
            if (request.getURI().startsWith(successionBaseUrl)) {
                keep(request.getMethod(), request.getURI(), answer.statusCode(), answer.asString());
            }
            return answer;
        };
        RestAssured.filters(recorder);
        installed = true;
    }

    static void keep(String method, String uri, int status, String body) {
        if (RECORDED.size() < LIMIT) {
            RECORDED.add(new Recorded(method, uri, status, body == null ? "" : body));
        } else {
            UNKEPT.incrementAndGet();
        }
    }

    static List<Recorded> all() {
        return List.copyOf(RECORDED);
    }

    static int unkept() {
        return UNKEPT.get();
    }
}
