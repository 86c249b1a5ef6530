package io.trustline.platform.tenancy;

import io.trustline.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call carries {@code Authorization: Bearer <api key>}; the key decides the tenant. Health,
 * OpenAPI and Swagger UI under {@code /q/} stay open for operators and probes.
 */
public class ApiKeyAuthentication {

    private static final String BEARER = "Bearer ";

    @Inject
    TenantApiKeys apiKeys;
    @Inject
    CurrentTenant currentTenant;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/") || path.equals("/q")) {
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

    private static Response unauthorized(String detail) {
        return Problem.of(Response.Status.UNAUTHORIZED, "Missing or invalid API key", detail)
                .toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"trustline\"")
                .build();
    }
}
