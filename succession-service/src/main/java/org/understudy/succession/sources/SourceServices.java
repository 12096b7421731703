package org.understudy.succession.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.events.CandidateState;
import org.understudy.events.EventJson;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.succession.domain.SourceState;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Reads the source services' bulk exports ({@code GET /api/v1/export} on vacancy-service,
 * {@code GET /api/v1/export/candidates} on candidate-service) over their public APIs. The caller's
 * bearer token is passed on: the exports are admin-only, and so is the reconciliation that needs them,
 * so succession-service holds no credentials of its own.
 */
@ApplicationScoped
public class SourceServices {
    private static final ObjectMapper JSON = EventJson.mapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "understudy.reconciliation.vacancy-service-url", defaultValue = "http://127.0.0.1:8081")
    String vacancyServiceUrl;

    @ConfigProperty(name = "understudy.reconciliation.candidate-service-url", defaultValue = "http://127.0.0.1:8082")
    String candidateServiceUrl;

    @ConfigProperty(name = "understudy.reconciliation.timeout", defaultValue = "PT2M")
    Duration timeout;

    private record VacancyExport(List<OrganisationState> organisations, List<PostState> posts, List<SourceState.Vacancy> vacancies) {
    }

    private record CandidateExport(List<CandidateState> candidates) {
    }

    /** Both exports, vacancy-service first (a candidate's nominations name posts it exports). */
    public SourceState read(String authorization) {
        VacancyExport v = get(vacancyServiceUrl + "/api/v1/export", authorization, VacancyExport.class);
        CandidateExport c = get(candidateServiceUrl + "/api/v1/export/candidates", authorization, CandidateExport.class);
        return new SourceState(v.organisations(), v.posts(), v.vacancies(), c.candidates());
    }

    private <T> T get(String url, String authorization, Class<T> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw unavailable(url + " answered " + response.statusCode());
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw unavailable(url + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(url + " was interrupted");
        }
    }

    private static ApiProblem unavailable(String detail) {
        return new ApiProblem(Response.Status.BAD_GATEWAY, "Source service unavailable", detail, "source");
    }
}
