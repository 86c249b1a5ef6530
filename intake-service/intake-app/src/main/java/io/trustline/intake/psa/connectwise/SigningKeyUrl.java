package io.trustline.intake.psa.connectwise;

import io.trustline.intake.psa.WebhookNotAuthenticated;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Metadata.key_url} of a callback, accepted only when its host is one the integration allows. The URL comes
 * from the unauthenticated body, so it is checked before anything is fetched: otherwise anyone could make Trustline
 * fetch any URL (server-side request forgery).
 */
final class SigningKeyUrl {

    private SigningKeyUrl() {
    }

    /**
     * The key URL to fetch.
     *
     * @param allowHttp whether plain http is accepted (tests only); https otherwise
     * @throws WebhookNotAuthenticated naming why the URL is refused
     */
    static URI check(String keyUrl, List<String> allowedHosts, boolean allowHttp) {
        URI uri;
        try {
            uri = new URI(keyUrl);
        } catch (URISyntaxException e) {
            throw new WebhookNotAuthenticated("Metadata.key_url is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new WebhookNotAuthenticated("Metadata.key_url must use https.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new WebhookNotAuthenticated("Metadata.key_url must not carry credentials or a fragment.");
        }
        String host = uri.getHost();
        if (host == null || allowedHosts.stream().noneMatch(allowed -> allowed.equalsIgnoreCase(host))) {
            throw new WebhookNotAuthenticated("Metadata.key_url names host " + (host == null ? "(none)" : host)
                    + ", which is not on this integration's allowedKeyHosts.");
        }
        return uri;
    }
}
