package org.understudy.candidate.successors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.understudy.events.EventJson;
import org.understudy.platform.problem.ApiProblem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Reads a post's successor list (candidate ids) from succession-service's public API, passing the
 * caller's bearer token on: succession-service checks it as for any caller, and this service holds no
 * credentials of its own.
 */
@ApplicationScoped
public class SuccessionServiceClient {
    private static final ObjectMapper JSON = EventJson.mapper();

    private final SuccessionServiceSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SuccessionServiceClient(SuccessionServiceSettings settings) {
        this.settings = settings;
    }

    public SuccessorList successors(UUID postId, String authorization) {
        String url = settings.url() + "/api/v1/succession/posts/" + postId + "/successors";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout()).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200 -> JSON.readValue(response.body(), SuccessorList.class);
                case 404 -> throw ApiProblem.notFound("postId", "post " + postId + " is not yet known to the succession view");
                default -> throw unavailable("succession-service answered " + response.statusCode());
            };
        } catch (IOException e) {
            throw unavailable("succession-service could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while reading succession-service");
        }
    }

    private static ApiProblem unavailable(String detail) {
        return new ApiProblem(Response.Status.BAD_GATEWAY, "succession-service unavailable", detail, "succession-service");
    }
}
