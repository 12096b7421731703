package org.understudy.succession.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.platform.security.Roles;
import org.understudy.succession.domain.AlertFilter;
import org.understudy.succession.persistence.AlertRepository;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/** The alerts the view raised, as they were published on succession-alerts. */
@RolesAllowed({Roles.VIEWER, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@APIResponse(responseCode = "400", description = "Invalid parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AlertResource {
    private final AlertRepository alerts;
    private final ObjectMapper json;

    @Inject
    public AlertResource(AlertRepository alerts, ObjectMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Alerts raised in a period, oldest first",
            description = "Each item is the alert's CloudEvent exactly as published on succession-alerts (type "
                    + "org.understudy.succession.alert.replaceability-fell.v2, whose data.state says the post, from and to, and why; or "
                    + "org.understudy.succession.appointment.after-dismissal.v1, whose data.state says the post, the appointee's candidate "
                    + "id and the dismissal; see "
                    + "/asyncapi/asyncapi.yaml). Filtered by the posts list's filters and by when it was raised; paged.")
    @APIResponse(responseCode = "200", description = "One page of alerts")
    public PageResponse<JsonNode> list(@Valid @BeanParam AlertQuery query, @Valid @BeanParam PageRequest paging) {
        OffsetDateTime since = Instants.parse("since", query.since);
        OffsetDateTime until = Instants.parse("until", query.until);
        if (since != null && until != null && until.isBefore(since)) {
            throw ApiProblem.badRequest("until", "must not be before since");
        }
        AlertFilter filter = query.filter();
        List<JsonNode> items = alerts.search(filter, since, until, paging.page, paging.size).stream().map(this::parse).toList();
        return new PageResponse<>(items, paging.page, paging.size, alerts.count(filter, since, until));
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
