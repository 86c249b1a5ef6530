package io.trustline.intake.integration;

import io.trustline.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 503 naming the property to set, for every call that needs integration secrets while no key is configured: the
 * integrations API and the PSA webhook receivers alike. Global rather than on one resource, because the receivers
 * decrypt an integration's secrets too.
 */
public class IntegrationsNotConfiguredMapper {

    @ServerExceptionMapper
    public Response notConfigured(IntegrationSecretKey.SecretKeyMissing e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "Integrations not configured", e.getMessage())
                .toResponse();
    }
}
