package io.trustline.intake;

import io.trustline.intake.issue.Issue;
import io.trustline.intake.notice.AdvanceNotice;
import io.trustline.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class IntakeAxonModule implements AxonModule {

    @Override
    public List<Class<?>> aggregates() {
        return List.of(Issue.class, AdvanceNotice.class);
    }
}
