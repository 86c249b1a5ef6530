package io.trustline.relationship.models;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param asOf  the instant both models score up to; default now
 * @param limit clients per answer, in client id order
 * @param after the previous answer's {@code nextAfter}: the clients after this id
 */
public record CompareModelsRequest(
        @NotNull @Size(max = 100) @Pattern(regexp = ModelResource.MODEL_ID) @Schema(example = "trustline-default@1") String modelA,
        @NotNull @Size(max = 100) @Pattern(regexp = ModelResource.MODEL_ID) @Schema(example = "acme-custom@1") String modelB,
        Instant asOf,
        @Min(1) @Max(ModelComparisons.MAX_CLIENTS) @Schema(defaultValue = "100") Integer limit,
        @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$") String after) {
}
