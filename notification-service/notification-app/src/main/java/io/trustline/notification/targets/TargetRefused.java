package io.trustline.notification.targets;

import io.trustline.platform.failure.ThirdPartyFailure;
import java.net.URI;

/**
 * A webhook URL that Trustline will not call. At registration it answers 400 naming {@code url}; at delivery it
 * fails the attempt as a partner's failure, like an endpoint that cannot be reached.
 */
public class TargetRefused extends ThirdPartyFailure {

    private final String reason;

    TargetRefused(URI url, String reason) {
        super("webhook URL " + url + " is not called: it " + reason);
        this.reason = reason;
    }

    /** Why, as a phrase following the field name: "resolves to a private address 10.0.0.5". */
    public String reason() {
        return reason;
    }
}
