package org.understudy.vacancy.api;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.idempotency.IdempotentPost;
import org.understudy.platform.imports.ImportCaller;
import org.understudy.platform.imports.ImportJob;
import org.understudy.platform.imports.Importer;
import org.understudy.platform.problem.Problem;
import org.understudy.platform.security.Roles;
import org.understudy.platform.security.TokenOrganisations;

import java.util.UUID;

/** Imports of a trust's records (organisations, posts, incumbencies, interim covers, vacancies, applications) from CSV or NDJSON files. */
@RolesAllowed({Roles.HR, Roles.ADMIN})
@Path("/api/v1/imports/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk loads of past records, with their own dates, as jobs that report progress")
public class ImportResource {
    private final Importer importer;
    private final CurrentIdentityAssociation identity;
    private final TokenOrganisations organisations;

    public ImportResource(Importer importer, CurrentIdentityAssociation identity, TokenOrganisations organisations) {
        this.importer = importer;
        this.identity = identity;
        this.organisations = organisations;
    }

    @POST
    @IdempotentPost
    @Consumes({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Import a file of one kind of record",
            description = "kind: organisations, posts, incumbencies, interim-covers, vacancies or applications (docs/import.md names each one's columns); "
                    + "an hr caller's rows for an organisation their token does not list are refused, each with 403 naming odsCode. CSV with a header row, or NDJSON. Each row carries the client's own key: a key "
                    + "imported before with the same content changes nothing. The file is read at once (a column the kind does not "
                    + "have: 400 naming it) and applied as a job: 202 with the job, whose Location shows its progress. A row with a "
                    + "problem is not stored and does not stop the others, unless atomic=true (then nothing is stored).")
    @APIResponse(responseCode = "202", description = "Queued; Location is the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "400", description = "An unknown or repeated column, or no rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("kind") String kind,
                           @Parameter(description = "Check every row and store nothing") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                           @Parameter(description = "Store every row or none") @QueryParam("atomic") @DefaultValue("false") boolean atomic,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType, byte[] file, @Context UriInfo uri) {
        return importer.submit(kind, file, contentType, dryRun, atomic, ImportCaller.of(identity, organisations), uri);
    }

    @GET
    @Path("keys/{key}")
    @Operation(summary = "What a row's key made",
            description = "The Understudy id of the record imported with this key (a post, an incumbency, a vacancy, an application; for an interim cover, "
                    + "the post's; for an organisation, an id derived from its ODS code).")
    @APIResponse(responseCode = "200", description = "The key and its id")
    @APIResponse(responseCode = "404", description = "No such kind, or no row imported with this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Importer.ImportedKey key(@PathParam("kind") String kind, @PathParam("key") String key) {
        return importer.imported(kind, key);
    }

    @GET
    @Path("{jobId}")
    @Operation(summary = "How far an import has got",
            description = "Rows done, rows per second, the counts so far (created, updated, unchanged, rejected) and the problems of "
                    + "the rejected rows (line, key, field, reason); status COMPLETED, REJECTED or FAILED when it has ended.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "404", description = "No such kind or job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJob job(@PathParam("kind") String kind, @PathParam("jobId") UUID jobId) {
        return importer.job(kind, jobId);
    }
}
