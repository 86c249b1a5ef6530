package io.trustline.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a too long URI (414) and a body announced larger than {@code quarkus.http.limits.max-body-size} (413)
 * as {@code application/problem+json}, before anything else reads the request. Vert.x would otherwise answer both
 * with an empty body, and a client could not tell them from a broken proxy.
 *
 * <p>The URI limit is checked here rather than by the HTTP decoder, whose {@code max-initial-line-length} is set
 * well above it: a request line beyond the decoder's own limit never reaches a route and still gets Vert.x's
 * bare 414. A chunked body that grows past the limit is cut off by Quarkus with a bare 413.
 */
@ApplicationScoped
public class HttpRefusals {

    @ConfigProperty(name = "trustline.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext ctx) {
        if (ctx.request().uri().length() > maxUriLength) {
            problem(ctx, 414, "URI Too Long",
                    "The request URI is longer than " + maxUriLength + " characters; send long input in a body.");
            return;
        }
        String announced = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced != null && exceeds(announced, maxBodySize.asLongValue())) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            problem(ctx, 413, "Content Too Large",
                    "The body is larger than " + maxBodySize.asLongValue() + " bytes.");
            return;
        }
        ctx.next();
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            // the HTTP decoder already refuses a malformed Content-Length; nothing to add here
            return false;
        }
    }

    private static void problem(RoutingContext ctx, int status, String title, String detail) {
        String body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).encode();
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(body);
    }
}
