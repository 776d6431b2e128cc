package com.akoolnarrator.akool;

import java.net.URI;
import java.util.Optional;

/**
 * Which Akool the job talks to and with which credentials; empty credentials are reported as a usage error by the
 * command, not at start-up. The embedded simulator replaces this bean with one pointing at itself.
 */
public record AkoolConnection(URI baseUrl, Optional<AkoolCredentials> credentials) {

    @Override
    public String toString() {
        return "AkoolConnection[" + baseUrl + ", " + credentials.map(AkoolCredentials::toString).orElse("no credentials") + "]";
    }
}
