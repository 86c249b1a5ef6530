package io.trustline.console.layout;

/** The main navigation's entries; the layout marks the page's own as current. */
public enum Nav {
    PORTFOLIO, LIVE, WEBHOOKS, MODELS
}
