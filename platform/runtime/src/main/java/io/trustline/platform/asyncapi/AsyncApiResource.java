package io.trustline.platform.asyncapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /asyncapi.yaml}: the service's AsyncAPI document, open without an API key like {@code /q/openapi}, since
 * it describes the service and holds no tenant's data.
 */
@Path(AsyncApiResource.PATH)
public class AsyncApiResource {

    public static final String PATH = "/asyncapi.yaml";
    public static final String MEDIA_TYPE = "application/yaml";

    @Inject
    ServiceAsyncApi document;

    @GET
    @Produces(MEDIA_TYPE)
    // the REST API's document describes calls made with an API key; this one is read by AsyncAPI tools
    @Operation(hidden = true)
    public String asyncApi() {
        return document.yaml();
    }
}
