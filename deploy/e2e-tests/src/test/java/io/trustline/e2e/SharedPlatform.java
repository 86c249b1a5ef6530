package io.trustline.e2e;

import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.local.ServiceProcess;
import io.trustline.platform.keys.ApiKeyHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform — broker, Mongo stand-in, the four services and the console — for every test class of the JVM that
 * can share it ({@code @ExtendWith(SharedPlatform.class)}), started when the first of them needs it and stopped when
 * the test run ends. Starting a platform takes about 25 s on two cores; the classes' data stay apart because each
 * class is its own tenant with its own API key. Classes whose faults or configuration would leak into the others'
 * (another retry schedule, Mongo taken away, a second instance of every service) start their own platform.
 */
final class SharedPlatform implements BeforeAllCallback {

    /** Each sharing class's tenant and its API key. */
    private static final Map<String, String> API_KEYS = new LinkedHashMap<>();

    static {
        API_KEYS.put("e2e", "e2e-test-key");
        API_KEYS.put("console-e2e", "tl_console_e2e_key_0042");
        API_KEYS.put("console-pages", "tl_console_pages_e2e_key_7");
        API_KEYS.put(LocalPlatformSettings.DEMO_TENANT, LocalPlatformSettings.DEMO_API_KEY);
        API_KEYS.put("deadlines", "incident-deadlines-test-key");
        API_KEYS.put("ops-msp", "live-stream-test-key");
        API_KEYS.put("other-msp", "live-stream-other-tenant-key");
        API_KEYS.put("metrics", "metrics-test-key");
        API_KEYS.put("switch", "model-switch-test-key");
        API_KEYS.put("psa", "psa-webhooks-test-key");
        API_KEYS.put("scored", "scored-timeline-test-key");
    }

    /**
     * What the classes need of the services, united: no two of them ask for different values. The webhook retry
     * schedule is ConsolePages' (a failed delivery in seconds); PartnerWebhooks needs a longer one and has its own
     * platform.
     */
    private static final Map<String, String> SERVICE_CONFIG = Map.of(
            // IncidentDeadlines and Metrics: deadlines fire within seconds of falling due
            "trustline.deadlines.poll-interval", "PT5S",
            // ConsolePages: two quick attempts, then FAILED: the webhooks page gets a delivery to retry in seconds
            "trustline.webhooks.delivery.retry-schedule", "PT0S,PT0.5S",
            "trustline.webhooks.delivery.poll-interval", "PT0.2S",
            // ModelSwitch: a killed runner's switch is resumed after this; a killed consumer's partitions after that
            "trustline.models.switch-lease", "PT4S",
            "trustline.models.switch-poll", "PT0.5S",
            "trustline.kafka.session-timeout", "PT6S");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static volatile LocalPlatform platform;

    /** The API key of one of the sharing classes' tenants. */
    static String apiKey(String tenant) {
        String key = API_KEYS.get(tenant);
        if (key == null) {
            throw new NoSuchElementException("no tenant " + tenant + " on the shared platform; known: " + API_KEYS.keySet());
        }
        return key;
    }

    /** The running shared platform; the class must be extended with {@link SharedPlatform}. */
    static LocalPlatform platform() {
        if (platform == null) {
            throw new IllegalStateException("not started: extend the test class with @ExtendWith(SharedPlatform.class)");
        }
        return platform;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root store closes what it holds once every test class has run
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, type -> Running.start(), Running.class);
        // a class may leave a service killed (ModelSwitch's runner, a failure half-way through a kill): started again
        for (ServiceProcess service : platform.services()) {
            if (isDown(service)) {
                service.restart();
            }
        }
    }

    /**
     * Stops the shared platform if it runs (a class starting its own platform is next); the next sharing class would
     * start it again.
     */
    static void stopIfRunning(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE).remove(Running.class, Running.class);
        if (running != null) {
            running.close();
        }
    }

    private static boolean isDown(ServiceProcess service) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/live"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException nobodyListens) {
            return true;
        } catch (IOException slowToAnswer) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Running(LocalPlatform started) implements AutoCloseable {

        static Running start() {
            // kept after the run (not a temporary directory), so a failure's process logs can be read
            Path dataDir = Path.of("target", "shared-platform").toAbsolutePath();
            deleteRecursively(dataDir);
            Map.Entry<String, String> first = API_KEYS.entrySet().iterator().next();
            String moreTenants = API_KEYS.entrySet().stream().skip(1)
                    .map(tenant -> tenant.getKey() + ":" + ApiKeyHash.sha256Hex(tenant.getValue()))
                    .collect(Collectors.joining(","));
            Map<String, String> config = new LinkedHashMap<>(SERVICE_CONFIG);
            config.put("trustline.tenancy.api-keys", moreTenants);
            LocalPlatform started = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, first.getKey(), first.getValue())
                    .withConsole().withServiceConfig(config));
            started.start();
            platform = started;
            return new Running(started);
        }

        @Override
        public void close() {
            platform = null;
            started.stop();
        }

        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
