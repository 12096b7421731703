package org.understudy.succession.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.platform.security.Roles;
import org.understudy.succession.domain.ReceiverUrls;
import org.understudy.succession.domain.WebhookSubscription;
import org.understudy.succession.events.WebhookSettings;
import org.understudy.succession.persistence.WebhookDeliveries;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook subscriptions to alerts: a receiver's URL and the posts list's filters; each matching alert
 * is POSTed to it, signed (Standard Webhooks), retried until accepted or the retry schedule is spent.
 */
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Alerts raised when a post's replaceability falls: listed, and delivered to webhook subscriptions")
@APIResponse(responseCode = "400", description = "Invalid field or parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SubscriptionResource {
    private static final Set<String> STATUSES = Set.of(WebhookDeliveries.PENDING, WebhookDeliveries.DELIVERED, WebhookDeliveries.FAILED);

    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;
    private final Requester requester;
    private final Clock clock;

    @Inject
    public SubscriptionResource(WebhookDeliveries deliveries, WebhookSettings settings, Requester requester, Clock clock) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.requester = requester;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Subscribe a receiver to alerts",
            description = "Every alert raised from now on that matches the filters is POSTed to the URL: the alert's CloudEvent as JSON, "
                    + "with the headers webhook-id (the event id, the same on every attempt), webhook-timestamp and webhook-signature "
                    + "(Standard Webhooks, HMAC-SHA256 with the secret). Any 2xx answer accepts it; otherwise it is tried again with "
                    + "backoff for at least 24 hours. The answer holds the secret: it is shown this once.")
    @APIResponse(responseCode = "201", description = "Subscribed; the body holds the signing secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response subscribe(@Valid @NotNull(message = "a JSON body is required") SubscriptionRequest body, @Context UriInfo uri) {
        ReceiverUrls.refusal(body.url(), settings.allowPlainHttp()).ifPresent(reason -> {
            throw ApiProblem.badRequest("url", reason);
        });
        WebhookSubscription s = new WebhookSubscription();
        s.subscriptionId = UUID.randomUUID();
        s.url = body.url().strip();
        s.secret = WebhookSubscription.newSecret();
        s.description = body.description() == null || body.description().isBlank() ? null : body.description().strip();
        s.region = body.region();
        s.organisationType = body.organisationType();
        s.role = body.role();
        s.oversightSegment = body.oversightSegment();
        s.integratedCareBoardCode = body.integratedCareBoard();
        s.createdBy = requester.name();
        s.createdAt = OffsetDateTime.now(clock);
        s.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(s.subscriptionId.toString()).build())
                .entity(SubscriptionResponse.of(s, true)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List the subscriptions (without their secrets)")
    @APIResponse(responseCode = "200", description = "Every subscription not deleted, oldest first")
    public PageResponse<SubscriptionResponse> list(@Valid @BeanParam PageRequest paging) {
        var query = WebhookSubscription.find("deletedAt IS NULL", Sort.by("createdAt").and("subscriptionId"));
        return new PageResponse<>(query.page(paging.page, paging.size).<WebhookSubscription>list().stream()
                .map(s -> SubscriptionResponse.of(s, false)).toList(), paging.page, paging.size, query.count());
    }

    @GET
    @Path("/{subscriptionId}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "One subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionResponse get(@PathParam("subscriptionId") UUID subscriptionId) {
        return SubscriptionResponse.of(live(subscriptionId), false);
    }

    @DELETE
    @Path("/{subscriptionId}")
    @Transactional
    @Operation(summary = "Delete a subscription", description = "Nothing more is delivered to it, pending retries included; its delivery log stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription, or already deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("subscriptionId") UUID subscriptionId) {
        live(subscriptionId).deletedAt = OffsetDateTime.now(clock);
    }

    @GET
    @Path("/{subscriptionId}/deliveries")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The subscription's delivery log, newest first",
            description = "One line per alert delivered or to be delivered: its status, attempts, the last answer or error, and when it "
                    + "is tried next.")
    @APIResponse(responseCode = "200", description = "One page of the log")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<DeliveryResponse> deliveries(@PathParam("subscriptionId") UUID subscriptionId,
                                                     @Parameter(description = "Only deliveries in this status",
                                                             schema = @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}))
                                                     @QueryParam("status") String status,
                                                     @Valid @BeanParam PageRequest paging) {
        if (WebhookSubscription.findById(subscriptionId) == null) {
            throw ApiProblem.notFound("subscriptionId", "no subscription with id " + subscriptionId);
        }
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ApiProblem.badRequest("status", "'" + status + "' is not a delivery status; allowed: PENDING, DELIVERED, FAILED");
        }
        return new PageResponse<>(deliveries.log(subscriptionId, wanted, paging.page, paging.size).stream().map(DeliveryResponse::of).toList(),
                paging.page, paging.size, deliveries.count(subscriptionId, wanted));
    }

    private static WebhookSubscription live(UUID id) {
        WebhookSubscription s = WebhookSubscription.findLive(id);
        if (s == null) {
            throw ApiProblem.notFound("subscriptionId", "no subscription with id " + id);
        }
        return s;
    }
}
