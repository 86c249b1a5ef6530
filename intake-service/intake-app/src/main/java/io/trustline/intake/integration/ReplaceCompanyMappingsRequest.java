package io.trustline.intake.integration;

import io.trustline.platform.problem.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /integrations/{id}/company-mappings}: the whole set of mappings, replacing the one stored. */
@Schema(description = "Replaces all company mappings of the integration; each psaCompanyId at most once.",
        example = """
                {"mappings": [{"psaCompanyId": "19284", "clientId": "acme-dental"}, {"psaCompanyId": "19301", "clientId": "harbor-law"}]}""")
public record ReplaceCompanyMappingsRequest(
        @NotNull @Size(max = MAX_MAPPINGS) List<@NotNull @Valid CompanyMapping> mappings) {

    static final int MAX_MAPPINGS = 5000;

    /** @throws InvalidFieldException naming the first mapping whose psaCompanyId an earlier one has */
    List<CompanyMapping> distinctMappings() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            if (!seen.add(mappings.get(i).psaCompanyId())) {
                throw new InvalidFieldException("mappings[" + i + "].psaCompanyId",
                        "'" + mappings.get(i).psaCompanyId() + "' is mapped more than once; a PSA company is one client.");
            }
        }
        return List.copyOf(mappings);
    }
}
