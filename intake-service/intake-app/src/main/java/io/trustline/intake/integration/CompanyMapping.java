package io.trustline.intake.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The Trustline client a company in the PSA is. */
public record CompanyMapping(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$", message = "letters, digits and . _ : - only")
        String psaCompanyId,
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$", message = "letters, digits and . _ : - only")
        String clientId) {
}
