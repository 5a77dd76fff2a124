package org.ssekit.example;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What {@code /conformance/jaxrs} answers on a JAX-RS runtime other than Jersey. */
@Path("/")
public class JaxrsUnavailableResource {
    private static final String REASON = "the JAX-RS fixture needs Jersey: sse-jaxrs plugs into Jersey's"
            + " parameter SPI; use /conformance/servlet on this server";

    @GET
    @Path("{any: .*}")
    public Response get() {
        return unavailable();
    }

    @POST
    @Path("{any: .*}")
    public Response post() {
        return unavailable();
    }

    private static Response unavailable() {
        return Response.status(501).type(MediaType.APPLICATION_JSON).entity(Json.object("error", REASON)).build();
    }
}
