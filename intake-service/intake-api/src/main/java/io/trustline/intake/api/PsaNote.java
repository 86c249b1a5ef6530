package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A note the provider wrote on a PSA ticket for the client to see (ConnectWise {@code customerUpdatedFlag}
 * / external notes, Autotask notes published to all, Halo actions not hidden from the user). Internal notes
 * never reach Trustline.
 *
 * @param noteId the note's id inside the PSA, when the PSA gives one. Optional: null when not given. Since v1.
 * @param text   the note as the client saw it. Required. Since v1.
 * @param sentAt when the PSA recorded the note. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PsaNote(String noteId, String text, Instant sentAt) {

    public PsaNote {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
