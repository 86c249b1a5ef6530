package io.trustline.intake.integration;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One PSA integration of the tenant, without its secrets.
 *
 * @param receiverUrl     the path, under this service's public address, to point the PSA's webhooks at
 * @param allowedKeyHosts CONNECTWISE: hosts its signing key may be fetched from; empty for the other kinds
 * @param secretsSet      which secrets are stored (encrypted), e.g. {@code webhookSecret}; never their values
 */
public record IntegrationDetails(String id, IntegrationKind kind, String name,
                                 @Schema(example = "/integrations/5f0c.../events") String receiverUrl,
                                 Instant createdAt, List<String> allowedKeyHosts, List<String> secretsSet) {

    /** The names of the secrets an integration of the kind has stored. */
    static List<String> secretsSet(IntegrationKind kind) {
        return switch (kind) {
            case CONNECTWISE -> List.of();
            case AUTOTASK -> List.of("webhookSecret");
            case HALO -> List.of("basicAuth");
        };
    }

    static String receiverUrl(String id) {
        return "/integrations/" + id + "/events";
    }
}
