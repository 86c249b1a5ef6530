package io.trustline.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.DeadLetters;
import io.trustline.platform.relay.CloudEventRecords;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics this service writes to — its own event topic and the dead-letter topic of every
 * topic it consumes — before anything is sent, so the service does not depend on broker auto-creation
 * (usually off in production, and a dead letter that cannot be written stalls its partition).
 * Existing topics are left as they are. Turn off with {@code trustline.kafka.create-topics=false} where
 * topics are provisioned by other means.
 */
@ApplicationScoped
public class TopicProvisioning {

    private static final Logger LOG = Logger.getLogger(TopicProvisioning.class);

    void ensureTopics(@Observes @Priority(10) StartupEvent event,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "trustline.kafka.create-topics", defaultValue = "true") boolean enabled,
                      @ConfigProperty(name = "trustline.kafka.topic-partitions", defaultValue = "3") int partitions,
                      @ConfigProperty(name = "trustline.kafka.topic-replication-factor", defaultValue = "1") short replicationFactor,
                      CloudEventRecords records,
                      Instance<CloudEventSubscriber> subscribers) throws InterruptedException {
        if (!enabled) {
            return;
        }
        Set<String> topics = new TreeSet<>();
        topics.add(records.topic());
        for (CloudEventSubscriber subscriber : subscribers) {
            subscriber.topics().forEach(consumed -> topics.add(consumed + DeadLetters.SUFFIX));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                create(admin, new NewTopic(topic, partitions, replicationFactor));
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) throws InterruptedException {
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("created topic %s (%d partitions)", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topic " + topic.name(), e);
        }
    }
}
