package io.trustline.relationship;

import io.trustline.platform.axon.AxonModule;
import io.trustline.relationship.moments.ClientRelationship;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RelationshipAxonModule implements AxonModule {

    @Override
    public List<Class<?>> aggregates() {
        return List.of(ClientRelationship.class);
    }
}
