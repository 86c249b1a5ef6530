package io.trustline.notification.webhooks;

import io.trustline.notification.filters.ContentFilter;
import io.trustline.notification.targets.TargetAddressGuard;
import io.trustline.notification.targets.TargetRefused;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.rest.PlainText;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What an endpoint's settings must be, the same at registration and in a patch: the patterns and sizes the request
 * records declare (so they show in the OpenAPI schema), and the checks no annotation can say.
 */
final class EndpointRules {

    static final int URL_MAX = 2000;
    static final String URL = "^https?://[^\\s/?#\\x00-\\x1F\\x7F]+[^\\s\\x00-\\x1F\\x7F]*$";
    static final String URL_MESSAGE = "must be an absolute http or https URL";
    /** A filter may span lines; no other control character means anything in CEL. */
    static final String FILTER = PlainText.MULTI_LINE;
    static final int EVENT_TYPES_MAX = 100;
    static final String EVENT_TYPE = "^io\\.trustline\\.[a-z]+\\.[A-Za-z]+\\.v[0-9]+$";
    static final String EVENT_TYPE_MESSAGE = "must be a Trustline CloudEvent type such as io.trustline.intake.IssueReported.v1";
    static final int CLIENT_IDS_MAX = 500;
    static final int CLIENT_ID_MAX = 100;
    static final String CLIENT_ID = "[A-Za-z0-9._:-]+";
    static final String CLIENT_ID_MESSAGE = "must be a client id: letters, digits and . _ : -";
    static final int DESCRIPTION_MAX = 500;
    static final String DESCRIPTION = PlainText.ONE_LINE_NOT_BLANK;
    static final String DESCRIPTION_MESSAGE = "must be one line, not blank, without control characters";

    private EndpointRules() {
    }

    /** Refuses a filter that does not compile to a boolean: 400 naming {@code filter}, the line, column and why. */
    static void checkFilter(String filter) {
        if (filter == null) {
            return;
        }
        try {
            ContentFilter.compile(filter);
        } catch (ContentFilter.FilterRejected rejected) {
            throw new InvalidFieldException("filter", "is not a valid CEL filter at line " + rejected.line()
                    + ", column " + rejected.column() + ": " + rejected.reason());
        }
    }

    /** Refuses a URL that Trustline would not call: 400 naming {@code url} and why. */
    static void checkTarget(String url, TargetAddressGuard targets) {
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "is not a valid URL: " + e.getReason() + " at index " + e.getIndex() + ".");
        }
        try {
            targets.checkAtRegistration(target);
        } catch (TargetRefused refused) {
            throw new InvalidFieldException("url", refused.reason() + ".");
        }
    }
}
