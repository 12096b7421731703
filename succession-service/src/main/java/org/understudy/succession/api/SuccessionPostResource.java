package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.api.PageRequest;
import org.understudy.platform.api.PageResponse;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.platform.problem.Problem;
import org.understudy.succession.domain.CapacityService;
import org.understudy.succession.domain.ConsequenceCapacity;
import org.understudy.succession.domain.DismissalReadinessService;
import org.understudy.succession.domain.EffectiveHistoryService;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.ReadinessReport;
import org.understudy.succession.domain.SuccessorList;
import org.understudy.succession.domain.SuccessorListService;
import org.understudy.platform.security.SuccessorListAccess;
import org.understudy.platform.security.TokenOrganisations;
import io.quarkus.security.identity.SecurityIdentity;
import org.understudy.succession.persistence.PostSuccessionHistoryRepository;
import org.understudy.succession.persistence.PostSuccessionRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@RolesAllowed({Roles.VIEWER, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/posts")
@Tag(name = "Succession", description = "How many people are ready to take over each post, live or as of any past instant")
@APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Transactional(Transactional.TxType.SUPPORTS)
public class SuccessionPostResource {
    static final String CSV = "text/csv";
    static final int MAX_EFFECTIVE_YEARS = 10;
    static final String BASIS = "With asOf: recorded (the default), the numbers as the view showed them at that instant; "
            + "effective, the numbers the dated facts now held give for that day, whenever they arrived (see effective-history)";

    @Inject
    PostSuccessionRepository posts;

    @Inject
    PostSuccessionHistoryRepository history;

    @Inject
    PostSuccessionQueries queries;

    @Inject
    LiveListPages livePages;

    @Inject
    LivePostAnswers livePosts;

    @Inject
    DismissalReadinessService readiness;

    @Inject
    CapacityService capacity;

    @Inject
    SuccessorListService successorLists;

    @Inject
    EffectiveHistoryService effectiveHistory;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Inject
    TokenOrganisations tokenOrganisations;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List posts with their succession numbers",
            description = "Filtered; sorted (default readyNow, then organisation and role; ties by post id); paged. "
                    + "With asOf, the numbers as they stood at that instant. Send Accept: text/csv for the same rows as CSV.")
    @APIResponse(responseCode = "200", description = "One page of posts; as CSV (Accept: text/csv) the same rows with a header row, "
            + "X-Total-Count saying how many match in all, and a leading ' on any cell that would start a spreadsheet formula",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostSuccessionPage.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))},
            headers = @Header(name = "X-Total-Count", description = "CSV only: how many posts match the filters",
                    schema = @Schema(type = SchemaType.INTEGER)))
    public Response list(@Valid @BeanParam PostFilter filter,
                         @Parameter(description = "e.g. readyNow,-oversightSegment") @QueryParam("sort") String sort,
                         @Parameter(description = "ISO-8601 instant, e.g. 2026-06-30T12:00:00Z") @QueryParam("asOf") String asOf,
                         @Valid @BeanParam PageRequest paging) {
        PostSort order = PostSort.parse(sort);
        OffsetDateTime instant = Instants.parse("asOf", asOf);
        // The live list is written once per version of the view (LiveListPages); a past instant's, each time.
        Object body = instant == null ? livePages.page(filter.toQuery(), order.sql(), paging.page, paging.size)
                : asOf(filter, order, instant, paging);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private PageResponse<PostSuccessionResponse> page(PostFilter filter, String sort, String asOf, PageRequest paging) {
        PostSort order = PostSort.parse(sort);
        OffsetDateTime instant = Instants.parse("asOf", asOf);
        return instant == null ? queries.live(filter.toQuery(), order.sql(), paging.page, paging.size) : asOf(filter, order, instant, paging);
    }

    private PageResponse<PostSuccessionResponse> asOf(PostFilter filter, PostSort order, OffsetDateTime instant, PageRequest paging) {
        List<PostSuccessionResponse> all = queries.allAsOf(instant).values().stream()
                .filter(filter::matches).sorted(order.comparator()).toList();
        int from = Math.min(all.size(), paging.page * paging.size);
        return new PageResponse<>(all.subList(from, Math.min(all.size(), from + paging.size)), paging.page, paging.size, all.size());
    }

    @GET
    @Produces(CSV)
    @Operation(hidden = true) // documented with the JSON list above: one path, one GET, two media types
    public Response listCsv(@Valid @BeanParam PostFilter filter, @QueryParam("sort") String sort, @QueryParam("asOf") String asOf,
                            @Valid @BeanParam PageRequest paging) {
        PageResponse<PostSuccessionResponse> found = page(filter, sort, asOf, paging);
        // One page, as in the JSON: how many match in all is said, never left to guess.
        return Response.ok(PostCsv.of(found.items()), CSV)
                .header("X-Total-Count", found.total())
                .header("Content-Disposition", "attachment; filename=\"succession-posts.csv\"").build();
    }

    @GET
    @Path("/{postId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A post's succession numbers, live or as of an instant")
    @APIResponse(responseCode = "200", description = "The numbers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostSuccessionResponse.class)))
    @APIResponse(responseCode = "404", description = "No event about this post has arrived (or none by asOf)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("postId") UUID postId,
                        @Parameter(description = "ISO-8601 instant") @QueryParam("asOf") String asOf,
                        @Parameter(description = BASIS) @QueryParam("basis") String basis) {
        AsOfBasis on = AsOfBasis.parse(basis);
        if (on == AsOfBasis.EFFECTIVE) {
            PostSuccessionRepository.Row row = posts.findRow(postId);
            if (row == null) {
                throw unknown(postId);
            }
            LocalDate day = AsOfBasis.effectiveDay(Instants.parse("asOf", asOf), today());
            return Response.ok(queries.asOf(row, effectiveHistory.on(row, day), day.atStartOfDay().atOffset(ZoneOffset.UTC))).build();
        }
        if (asOf == null || asOf.isBlank()) {
            // The live view, the most frequent read: kept as JSON per version of the view (LivePostAnswers).
            byte[] live = livePosts.answer(postId);
            if (live == null) {
                throw unknown(postId);
            }
            return Response.ok(live, MediaType.APPLICATION_JSON_TYPE).build();
        }
        PostSuccessionRepository.Row row = posts.findRow(postId);
        if (row == null) {
            throw unknown(postId);
        }
        OffsetDateTime instant = Instants.parse("asOf", asOf);
        PostSuccessionHistory h = history.asOf(postId, instant);
        if (h == null) {
            throw ApiProblem.notFound("asOf", "post " + postId + " was not yet known to the succession view at " + instant);
        }
        return Response.ok(queries.asOf(row, h, instant)).build();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static ApiProblem unknown(UUID postId) {
        return ApiProblem.notFound("postId", "no post with id " + postId + " is known to the succession view");
    }

    @GET
    @Path("/{postId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every change of a post's numbers in a period, oldest first")
    @APIResponse(responseCode = "200", description = "The post's history in the period, oldest first")
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntryResponse> history(@PathParam("postId") UUID postId,
                                              @Parameter(description = "ISO-8601 instant (inclusive)") @QueryParam("from") String from,
                                              @Parameter(description = "ISO-8601 instant (inclusive)") @QueryParam("to") String to) {
        if (posts.findRow(postId) == null) {
            throw unknown(postId);
        }
        OffsetDateTime start = Instants.parse("from", from);
        OffsetDateTime end = Instants.parse("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.badRequest("to", "must not be before from");
        }
        return history.between(postId, start, end).stream().map(HistoryEntryResponse::of).toList();
    }

    @GET
    @Path("/{postId}/effective-history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A post's numbers day by day, as the dated facts now held say they were",
            description = "Each candidate counted on each day by the facts' own dates (assessments, nominations, fit-and-proper "
                    + "checks, who held the post), whenever they arrived: a fact imported or recorded late counts from its date. "
                    + "An entry on the first day, then one on each day the numbers or the holder changed; the entry in effect on a "
                    + "day is the last one on or before it. The history endpoint gives the numbers as the view showed them, when it did.")
    @APIResponse(responseCode = "200", description = "The post's entries in the period, oldest first")
    @APIResponse(responseCode = "404", description = "Unknown post", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EffectiveHistoryEntryResponse> effectiveHistory(@PathParam("postId") UUID postId,
            @Parameter(description = "ISO-8601 date (inclusive); three years before `to` when not given") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 date (inclusive), not in the future; today when not given") @QueryParam("to") String to) {
        PostSuccessionRepository.Row row = posts.findRow(postId);
        if (row == null) {
            throw unknown(postId);
        }
        LocalDate today = today();
        LocalDate end = Objects.requireNonNullElse(Instants.day("to", to), today);
        LocalDate start = Objects.requireNonNullElse(Instants.day("from", from), end.minusYears(3));
        if (end.isAfter(today)) {
            throw ApiProblem.badRequest("to", "must not be in the future (today is " + today + ")");
        }
        if (end.isBefore(start)) {
            throw ApiProblem.badRequest("to", "must not be before from");
        }
        if (start.plusYears(MAX_EFFECTIVE_YEARS).isBefore(end)) {
            throw ApiProblem.badRequest("from", "the period is at most " + MAX_EFFECTIVE_YEARS + " years long");
        }
        return effectiveHistory.of(row, start, end).stream().map(EffectiveHistoryEntryResponse::of).toList();
    }

    @RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
    @GET
    @Path("/{postId}/dismissal-readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Decision support")
    @Operation(summary = "Would dismissing this post's leader be a credible consequence?",
            description = "credible when at least the configured number of people (default 2) are ready now, or an interim is named; "
                    + "with the numbers behind it and the reasons in plain words. With asOf, as the post stood at that instant "
                    + "(exits dated up to that day; organisation details are the current ones).")
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReadinessReport.class)))
    @APIResponse(responseCode = "404", description = "No event about this post has arrived (or none by asOf)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReadinessReport dismissalReadiness(@PathParam("postId") UUID postId,
                                              @Parameter(description = "ISO-8601 instant or date") @QueryParam("asOf") String asOf,
                                              @Parameter(description = BASIS) @QueryParam("basis") String basis) {
        OffsetDateTime instant = Instants.parse("asOf", asOf);
        if (AsOfBasis.parse(basis) == AsOfBasis.EFFECTIVE) {
            return readiness.effectiveOn(postId, AsOfBasis.effectiveDay(instant, today()));
        }
        return instant == null ? readiness.live(postId) : readiness.asOf(postId, instant);
    }

    @RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
    @GET
    @Path("/{postId}/knock-on")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Decision support")
    @Operation(summary = "What appointing this post's best-placed ready-now successor does to its region's consequence capacity",
            description = "The successor is named for the post before the pool, then the one whose going costs the region least. "
                    + "After: the post is filled, the successor has left the pool, and the post they held (if any) is to fill.")
    @APIResponse(responseCode = "200", description = "The knock-on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnockOnResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown post",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KnockOnResponse knockOn(@PathParam("postId") UUID postId) {
        CapacityService.KnockOnAnswer answer = capacity.knockOn(postId);
        ConsequenceCapacity.KnockOn k = answer.knockOn();
        if (k == null) {
            throw ApiProblem.notFound("postId", "no post with id " + postId + " is known to the succession view");
        }
        return KnockOnResponse.of(k, answer.viewVersion());
    }

    @RolesAllowed({Roles.HR, Roles.TALENT, Roles.REGULATOR, Roles.ADMIN})
    @GET
    @Path("/{postId}/successors")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who counts for this post, and who is named but does not count, and why (candidate ids only)",
            description = "The people behind the post's numbers: those who count (ready now, then in 1-2 years) with their readiness, "
                    + "nomination and fit-and-proper dates and when each lapses; and those named as successor who do not count, each "
                    + "with the rules that exclude them. Candidates are ids: candidate-service's GET /api/v1/posts/{postId}/successors "
                    + "adds names for callers who may see them. hr users: only the posts of the organisations in their token.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuccessorList.class)))
    @APIResponse(responseCode = "403", description = "An hr user asking about another organisation's post",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown post",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuccessorList successors(@PathParam("postId") UUID postId) {
        SuccessorList list = successorLists.of(postId); // ids only: nothing is disclosed if the caller is then refused
        SuccessorListAccess.require(identity.getRoles(), tokenOrganisations, list.odsCode());
        return list;
    }
}
