package com.akoolnarrator.akool;

/**
 * How requests are authenticated, and where that secret came from (so that an authentication failure can name its
 * source without ever printing the secret).
 */
public sealed interface AkoolCredentials {

    /** Where the secret was configured, e.g. "environment variable AKOOL_API_KEY"; never the secret itself. */
    String source();

    /** Preferred: {@code x-api-key} header. */
    record ApiKey(String key, String source) implements AkoolCredentials {
        @Override
        public String toString() {
            return "ApiKey[from " + source + "]";
        }
    }

    /** Legacy: a bearer token obtained from {@code /api/open/v3/getToken}. */
    record ClientCredentials(String clientId, String clientSecret, String source) implements AkoolCredentials {
        @Override
        public String toString() {
            return "ClientCredentials[from " + source + "]";
        }
    }
}
