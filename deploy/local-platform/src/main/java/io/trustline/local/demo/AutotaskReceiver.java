package io.trustline.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo tenant's Autotask connection: registered over intake's API, one Autotask company per demo client, and the
 * callouts Autotask would send, signed with the integration's secret key and posted to its receiver URL.
 */
final class AutotaskReceiver {

    static final String WEBHOOK_SECRET = "trustline-demo-autotask-secret";
    private static final String IDEMPOTENCY_KEY = "trustline-demo-autotask";

    private final TrustlineApi api;
    private final AutotaskWebhooks webhooks = new AutotaskWebhooks(WEBHOOK_SECRET);
    private final Map<String, Long> companies = new LinkedHashMap<>();
    private String receiverPath;
    private Instant createdAt;

    AutotaskReceiver(TrustlineApi api) {
        this.api = api;
    }

    /**
     * Connects Autotask (the same request every run: a retry answers the integration created first) and maps each
     * client onto its own Autotask company.
     */
    void connect(List<String> clientIds) {
        JsonNode integration = api.send("POST", "intake", "/integrations",
                Map.of("kind", "AUTOTASK", "name", "Autotask (demo)", "webhookSecret", WEBHOOK_SECRET),
                IDEMPOTENCY_KEY, Set.of(200, 201)).body();
        receiverPath = "/integrations/" + integration.path("id").asText() + "/events";
        createdAt = Instant.parse(integration.path("createdAt").asText());
        List<Map<String, String>> mappings = new ArrayList<>();
        for (int i = 0; i < clientIds.size(); i++) {
            long company = 4000 + i;
            companies.put(clientIds.get(i), company);
            mappings.add(Map.of("psaCompanyId", Long.toString(company), "clientId", clientIds.get(i)));
        }
        api.send("PUT", "intake", "/integrations/" + integration.path("id").asText() + "/company-mappings",
                Map.of("mappings", mappings), null, Set.of(200));
    }

    /** When the integration was first created: the demo's anchor, the same on every run. */
    Instant createdAt() {
        return createdAt;
    }

    long companyOf(String clientId) {
        return companies.get(clientId);
    }

    /** Posts the callout signed as Autotask signs it; answers intake's {@code {outcome, issueId}}. */
    JsonNode send(String callout) {
        return api.postAsPsa(receiverPath, callout.getBytes(StandardCharsets.UTF_8),
                Map.of(AutotaskWebhooks.SIGNATURE_HEADER, webhooks.signature(callout))).body();
    }
}
