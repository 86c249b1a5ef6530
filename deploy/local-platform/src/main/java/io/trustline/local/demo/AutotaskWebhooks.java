package io.trustline.local.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook callouts as Autotask sends them (intake README, "Autotask"): the envelope Autotask documents for every
 * callout, signed in {@code X-Hook-Signature} with the webhook's secret key.
 */
public final class AutotaskWebhooks {

    public static final String SIGNATURE_HEADER = "X-Hook-Signature";

    private final String secretKey;

    public AutotaskWebhooks(String secretKey) {
        this.secretKey = secretKey;
    }

    /** {@code sha1=} + base64(HMAC-SHA1(secret key, the body's bytes)). */
    public String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "sha1=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /**
     * The envelope of one callout.
     *
     * @param action     {@code Create} or {@code Update}
     * @param guid       the callout's id; with {@code id} and {@code sequence} it names the delivery, so the same
     *                   three again are a redelivery
     * @param entityType {@code Ticket} or {@code TicketNote}
     * @param id         the entity's id (the ticket number for a ticket)
     * @param fields     the entity's fields as a JSON object, including {@code "id"}
     * @param eventTime  when Autotask says the change happened
     * @param sequence   the entity's change number, rising with each change
     */
    public static String callout(String action, UUID guid, String entityType, long id, String fields, Instant eventTime,
                                 int sequence) {
        return """
                {"Action": "%s", "Guid": "%s", "EntityType": "%s", "Id": %d, "Fields": %s,
                 "EventTime": "%s", "SequenceNumber": %d, "PersonId": 29682885}"""
                .formatted(action, guid, entityType, id, fields, eventTime, sequence);
    }
}
