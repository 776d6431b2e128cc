package com.akoolnarrator.storage;

import java.util.regex.Pattern;

/**
 * An S3-compatible bucket and the prefix the job writes under, as {@code s3://BUCKET/PREFIX} says them. Every file is
 * an object whose key is the prefix and the file's name relative to the output, as it would be on disk.
 *
 * @param prefix without a leading or trailing slash; empty for the bucket's root
 */
public record BucketAddress(String bucket, String prefix) {

    public static final String SCHEME = "s3://";

    /** The names S3 allows for a bucket (and the others follow): 3 to 63 lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public BucketAddress {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("'" + bucket + "' is not a bucket name (3 to 63 lower-case letters, digits,"
                    + " dots and hyphens)");
        }
        for (String segment : prefix.split("/", -1)) {
            if (!prefix.isEmpty() && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
                throw new IllegalArgumentException("the prefix '" + prefix + "' has an empty, . or .. part");
            }
        }
        if (prefix.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the prefix has control characters");
        }
    }

    public static boolean isBucket(String location) {
        return location != null && location.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** {@code s3://BUCKET} or {@code s3://BUCKET/PREFIX}, a trailing slash allowed. */
    public static BucketAddress parse(String location) {
        if (!isBucket(location)) {
            throw new IllegalArgumentException("'" + location + "' does not start with " + SCHEME);
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return new BucketAddress(bucket, prefix);
    }

    /** The object key of a file named relative to the output ({@code lesson1/intro.mp3}). */
    public String key(String relativeFile) {
        return prefix.isEmpty() ? relativeFile : prefix + "/" + relativeFile;
    }

    /** The file name relative to the output of a key under the prefix. */
    public String relative(String key) {
        return prefix.isEmpty() ? key : key.substring(prefix.length() + 1);
    }

    /** What a listing of the output asks for: every key under the prefix. */
    public String listingPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    public String uri(String relativeFile) {
        return SCHEME + bucket + "/" + key(relativeFile);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
