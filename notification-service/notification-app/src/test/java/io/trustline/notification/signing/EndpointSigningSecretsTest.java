package io.trustline.notification.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointSigningSecretsTest {

    private static final Instant UNTIL = Instant.parse("2026-03-05T09:15:00Z");

    @Test
    void duringTheOverlap_bothSecretsSign_theNewOneFirst() {
        EndpointSigningSecrets secrets = new EndpointSigningSecrets("new", "old", UNTIL);

        assertThat(secrets.signingAt(UNTIL.minusSeconds(1))).containsExactly("new", "old");
    }

    @Test
    void onceTheOverlapEnds_onlyTheNewSecretSigns() {
        EndpointSigningSecrets secrets = new EndpointSigningSecrets("new", "old", UNTIL);

        assertThat(secrets.signingAt(UNTIL)).containsExactly("new");
        assertThat(secrets.signingAt(UNTIL.plusSeconds(3600))).containsExactly("new");
    }

    @Test
    void withoutARotation_onlyTheCurrentSecretSigns() {
        assertThat(new EndpointSigningSecrets("first", null, null).signingAt(UNTIL)).containsExactly("first");
    }
}
