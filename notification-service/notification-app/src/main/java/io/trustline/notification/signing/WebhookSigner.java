package io.trustline.notification.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks headers of one delivery attempt: {@code webhook-id} (stable across retries, so receivers
 * dedupe on it), {@code webhook-timestamp} (this attempt, unix seconds) and {@code webhook-signature}, space-separated
 * signatures with every secret valid at that time, newest first.
 */
@ApplicationScoped
public class WebhookSigner {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    @Inject
    SigningSecretsStore store;
    @Inject
    WebhookSecrets secrets;

    /**
     * @param endpointId the endpoint the attempt goes to
     * @param messageId  the event's id
     * @param attemptAt  when this attempt is made
     * @param body       the exact bytes that will be sent
     * @return the headers to send, in order; without {@code webhook-signature} only for an endpoint registered before
     *         deliveries were signed and never rotated since (it has no secret)
     */
    public Map<String, String> headers(String endpointId, String messageId, Instant attemptAt, byte[] body) {
        long timestamp = attemptAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        store.find(endpointId).ifPresent(endpoint -> headers.put(SIGNATURE,
                signatures(endpoint.signingAt(attemptAt), endpointId, messageId, timestamp, body)));
        return headers;
    }

    private String signatures(List<String> sealed, String endpointId, String messageId, long timestamp, byte[] body) {
        return sealed.stream()
                .map(s -> StandardWebhookSignature.sign(secrets.open(s, endpointId), messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }
}
