package io.trustline.relationship.models;

import java.util.List;

/** The models a tenant knows and the one that scores its clients. */
public record TenantModelList(String activeModelId, List<ModelView> models) {
}
