package io.trustline.notification;

import io.trustline.notification.webhooks.WebhookEndpoint;
import io.trustline.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class NotificationAxonModule implements AxonModule {

    @Override
    public List<Class<?>> aggregates() {
        return List.of(WebhookEndpoint.class);
    }
}
