package io.trustline.notification.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sealed secrets one endpoint's deliveries are signed with: the current one and, for the overlap after a rotation,
 * the one it replaced, so a receiver can switch to the new secret whenever it likes within that window.
 *
 * @param current       sealed current secret
 * @param previous      sealed secret before the last rotation, or null
 * @param previousUntil until when {@code previous} still signs (exclusive), or null
 */
public record EndpointSigningSecrets(String current, String previous, Instant previousUntil) {

    /** Sealed secrets to sign an attempt made at {@code at} with, newest first. */
    List<String> signingAt(Instant at) {
        List<String> secrets = new ArrayList<>(List.of(current));
        if (previous != null && previousUntil != null && at.isBefore(previousUntil)) {
            secrets.add(previous);
        }
        return secrets;
    }
}
