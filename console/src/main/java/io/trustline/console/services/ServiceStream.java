package io.trustline.console.services;

import java.io.InputStream;

/** A streamed answer: its status, and its body as it arrives (the caller closes it). */
public record ServiceStream(int status, InputStream body) {
}
