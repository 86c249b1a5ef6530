package io.trustline.intake.integration;

import java.util.List;

/** The company mappings of one integration, in the order they were set (empty until set). */
public record CompanyMappingsDetails(String integrationId, List<CompanyMapping> mappings) {
}
