package io.trustline.incident;

import io.trustline.incident.incident.Incident;
import io.trustline.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class IncidentAxonModule implements AxonModule {

    @Override
    public List<Class<?>> aggregates() {
        return List.of(Incident.class);
    }

    @Override
    public boolean schedulesDeadlines() {
        return true;
    }
}
