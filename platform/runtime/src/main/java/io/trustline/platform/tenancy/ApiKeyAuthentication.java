package io.trustline.platform.tenancy;

import io.trustline.platform.asyncapi.AsyncApiResource;
import io.trustline.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call carries {@code Authorization: Bearer <api key>}; the key decides the tenant. Health,
 * metrics, OpenAPI and Swagger UI under {@code /q/} and the AsyncAPI document ({@code /asyncapi.yaml}) stay open
 * for operators, probes, Prometheus and tools (inside the network: the public ingress does not route {@code /q/}),
 * and so do the paths a service
 * lists in {@code trustline.api-keys.paths-without-key} (regular expressions matching the whole path): calls
 * that prove who sent them another way, such as a PSA's signed webhook, and take their tenant from what they
 * address. No tenant is set for them.
 */
public class ApiKeyAuthentication {

    private static final String BEARER = "Bearer ";

    @Inject
    TenantApiKeys apiKeys;
    @Inject
    CurrentTenant currentTenant;

    private final List<Pattern> pathsWithoutKey;

    @Inject
    public ApiKeyAuthentication(
            @ConfigProperty(name = "trustline.api-keys.paths-without-key") Optional<List<String>> pathsWithoutKey) {
        this.pathsWithoutKey = pathsWithoutKey.orElse(List.of()).stream().map(Pattern::compile).toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/") || path.equals("/q") || path.equals(AsyncApiResource.PATH) || withoutKey(path)) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(unauthorized("Send the API key as 'Authorization: Bearer <api key>'."));
        }
        Optional<String> tenant = apiKeys.tenantOf(authorization.substring(BEARER.length()).trim());
        if (tenant.isEmpty()) {
            return Optional.of(unauthorized("The API key is not valid."));
        }
        currentTenant.set(tenant.get());
        return Optional.empty();
    }

    private boolean withoutKey(String path) {
        return pathsWithoutKey.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    private static Response unauthorized(String detail) {
        return Problem.of(Response.Status.UNAUTHORIZED, "Missing or invalid API key", detail)
                .toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"trustline\"")
                .build();
    }
}
