package io.trustline.intake.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.WebhookJson;
import io.trustline.intake.psa.WebhookNotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callback signing keys ConnectWise serves at each {@code key_url} ({@code {"signing_key": "..."}}), fetched on
 * first use and kept in a small least-recently-used cache, so a callback costs no outbound call once its key is known.
 * Callers pass only URLs that {@link SigningKeyUrl} allowed; redirects are not followed, so an allowed host cannot
 * forward the fetch elsewhere.
 */
@ApplicationScoped
public class ConnectWiseSigningKeys {

    static final int CAPACITY = 256;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<URI, String> cache;

    public ConnectWiseSigningKeys() {
        this(CAPACITY);
    }

    ConnectWiseSigningKeys(int capacity) {
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The key known for the URL, null when none is cached. */
    String cached(URI keyUrl) {
        synchronized (cache) {
            return cache.get(keyUrl);
        }
    }

    /**
     * Fetches the key afresh and caches it.
     *
     * @throws SigningKeyUnavailable when ConnectWise cannot be reached or answers 5xx or 429
     * @throws WebhookNotAuthenticated when the URL does not serve a signing key (4xx, not the documented JSON)
     */
    String fetch(URI keyUrl) {
        String key = signingKeyFrom(keyUrl, get(keyUrl));
        synchronized (cache) {
            cache.put(keyUrl, key);
        }
        return key;
    }

    private byte[] get(URI keyUrl) {
        HttpRequest request = HttpRequest.newBuilder(keyUrl)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new SigningKeyUnavailable("ConnectWise's signing key at " + keyUrl.getHost() + " could not be fetched: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningKeyUnavailable("interrupted while fetching ConnectWise's signing key", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new SigningKeyUnavailable("ConnectWise answered " + status + " for the signing key at "
                        + keyUrl.getHost());
            }
            if (status != 200) {
                throw new WebhookNotAuthenticated("Metadata.key_url answered " + status + ", not a signing key.");
            }
            byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new WebhookNotAuthenticated("Metadata.key_url answered more than a signing key.");
            }
            return bytes;
        } catch (IOException e) {
            throw new SigningKeyUnavailable("ConnectWise's signing key at " + keyUrl.getHost() + " could not be read: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static String signingKeyFrom(URI keyUrl, byte[] body) {
        try {
            JsonNode json = WebhookJson.parse(body, "the signing key response");
            String key = json.isObject() ? WebhookJson.text(json, "signing_key", "signing_key") : null;
            if (key == null) {
                throw new WebhookNotAuthenticated("Metadata.key_url did not answer {\"signing_key\": ...}.");
            }
            return key;
        } catch (MalformedWebhook e) {
            throw new WebhookNotAuthenticated("Metadata.key_url did not answer a signing key: " + e.getMessage());
        }
    }
}
