package io.trustline.relationship.models;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param modelId the model to score the tenant's clients with, one the tenant knows */
public record SwitchActiveModelRequest(
        @NotNull @Size(max = 100) @Pattern(regexp = ModelResource.MODEL_ID)
        @Schema(example = "trustline-default@1") String modelId) {
}
