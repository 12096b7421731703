package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.succession.events.ViewRebuilder;
import org.understudy.succession.events.ViewWriter;

@RolesAllowed({Roles.ADMIN})
@Path("/api/v1/succession/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operations on the view itself")
public class AdminResource {
    @Inject
    ViewRebuilder rebuilder;

    @Inject
    ViewWriter writer;

    @POST
    @Operation(summary = "Rebuild the view from the topics", description = "Runs in the background on the view's writer; follow it "
            + "with GET on the same instance. No events are applied meanwhile; no alerts are raised for what is replayed. "
            + "Asked of a standby: 409, naming the writer.")
    @APIResponse(responseCode = "202", description = "Started; the body is its progress")
    @APIResponse(responseCode = "409", description = "A rebuild is already running, or this instance is a standby (the problem names the writer)")
    public Response start() {
        try {
            if (!rebuilder.start()) {
                throw ApiProblem.conflict("rebuild", "a rebuild is already running");
            }
        } catch (ViewWriter.NotTheWriter standby) {
            throw ApiProblem.conflict("rebuild", standby.getMessage() + ": ask the writer");
        }
        return Response.accepted(rebuilder.progress()).build();
    }

    @GET
    @Operation(summary = "Progress of the last rebuild", description = "state IDLE, RUNNING, DONE or FAILED; events processed of the total, "
            + "and the rate. Only the writer rebuilds: a standby answers 409, naming the writer.")
    @APIResponse(responseCode = "200", description = "The last rebuild's progress")
    @APIResponse(responseCode = "409", description = "This instance is a standby (the problem names the writer)")
    public ViewRebuilder.Progress progress() {
        if (writer.role() != ViewWriter.Role.WRITER) {
            throw ApiProblem.conflict("rebuild", writer.standby().getMessage() + ": ask the writer");
        }
        return rebuilder.progress();
    }
}
