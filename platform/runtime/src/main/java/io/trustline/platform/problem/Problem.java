package io.trustline.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}. {@code errors} names each
 * invalid field of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path in the request body (e.g. {@code expectation.who.scope}) and why. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String title, String detail) {
        return new Problem(URI.create("about:blank"), title, status.getStatusCode(), detail, List.of());
    }

    public static Problem invalidRequest(String detail, List<FieldError> errors) {
        return new Problem(URI.create("https://trustline.io/problems/invalid-request"), "Invalid request",
                Response.Status.BAD_REQUEST.getStatusCode(), detail, List.copyOf(errors));
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
