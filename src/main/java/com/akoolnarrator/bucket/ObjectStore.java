package com.akoolnarrator.bucket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.core.NestedExceptionUtils;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import com.akoolnarrator.storage.BucketAddress;
import com.akoolnarrator.storage.Sha256;

/**
 * The output's bucket and prefix, as the job writes into it: every object created once (asked for first, then written
 * with {@code If-None-Match: *}) with its SHA-256 for the server to check the bytes against, never overwritten; only
 * the run's reports are replaced.
 * Each object carries its SHA-256 in its metadata too, so that a later run recognises its own object without
 * downloading it.
 */
final class ObjectStore {

    /** The metadata key of an object's SHA-256 (hex), as {@code x-amz-meta-sha256}. */
    static final String SHA256 = "sha256";

    private final S3Client s3;
    private final BucketAddress address;

    ObjectStore(S3Client s3, BucketAddress address) {
        this.s3 = s3;
        this.address = address;
    }

    BucketAddress address() {
        return address;
    }

    /** What creating an object came to. */
    enum Created {
        /** written now */
        CREATED,
        /** the bucket already holds these very bytes under that key: an earlier try's, or an earlier run's */
        ALREADY_THERE,
        /** the bucket holds other bytes under that key, left as they are */
        CONFLICT
    }

    /** An object as a HEAD request shows it: its size and the metadata it was written with. */
    record Stored(long bytes, Map<String, String> metadata) {

        /** Its SHA-256 (hex) as written with it, if it was written by this job. */
        Optional<String> sha256() {
            return Optional.ofNullable(metadata.get(SHA256));
        }
    }

    /**
     * Creates {@code relativeFile} from {@code file} unless the key exists; the server refuses the bytes when they do not
     * match {@code sha256}.
     *
     * @param metadata what a later run reads back to recognise the object (ASCII), besides its SHA-256
     */
    Created createOnly(String relativeFile, Path file, String sha256, String contentType, Map<String, String> metadata) {
        Optional<Stored> there = head(relativeFile, "store");
        if (there.isEmpty()) {
            // asked first: a store that ignores If-None-Match (not every S3-compatible one honours it) would overwrite
            Map<String, String> written = new HashMap<>(metadata);
            written.put(SHA256, sha256);
            if (putIfAbsent("store", relativeFile, sha256, put -> put.contentType(contentType).metadata(written),
                    RequestBody.fromFile(file))) {
                return Created.CREATED;
            }
            there = head(relativeFile, "store"); // created meanwhile, by an earlier try whose answer was lost
        }
        return holdsBytes(there, sha256) ? Created.ALREADY_THERE : Created.CONFLICT;
    }

    /** Whether the bucket holds {@code relativeFile} as this job stored it with these bytes ({@code sha256}). */
    boolean holds(String relativeFile, String sha256) {
        return holdsBytes(head(relativeFile), sha256);
    }

    private static boolean holdsBytes(Optional<Stored> there, String sha256) {
        return there.flatMap(Stored::sha256).filter(sha256::equalsIgnoreCase).isPresent();
    }

    /**
     * Writes {@code body} as {@code relativeFile} with {@code If-None-Match: *} and its SHA-256 for the server to check.
     *
     * @return false when the key exists already (412), the object left as it is
     */
    private boolean putIfAbsent(String doing, String relativeFile, String sha256,
            Consumer<PutObjectRequest.Builder> request, RequestBody body) {
        try {
            s3.putObject(put -> request.accept(put.bucket(address.bucket()).key(address.key(relativeFile)).ifNoneMatch("*")
                .checksumSHA256(base64(sha256))), body);
            return true;
        }
        catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw failure(doing + " " + address.uri(relativeFile), e);
        }
        catch (SdkException e) {
            throw failure(doing + " " + address.uri(relativeFile), e);
        }
    }

    /** Writes a report of the run ({@code results.csv}, the listening report...): each run's replaces the last's. */
    void replace(String relativeFile, Path file, String sha256, String contentType) {
        try {
            s3.putObject(put -> put.bucket(address.bucket()).key(address.key(relativeFile)).contentType(contentType)
                .checksumSHA256(base64(sha256)).metadata(Map.of(SHA256, sha256)), RequestBody.fromFile(file));
        }
        catch (SdkException e) {
            throw failure("store " + address.uri(relativeFile), e);
        }
    }

    /** Creates a small text object unless the key exists, and answers what the key holds then (this text, or another's). */
    String createOrRead(String relativeFile, String text) {
        if (putIfAbsent("write", relativeFile, Sha256.of(text), put -> put.contentType("text/plain"),
                RequestBody.fromString(text, StandardCharsets.UTF_8))) {
            return text;
        }
        try {
            return s3.getObjectAsBytes(get -> get.bucket(address.bucket()).key(address.key(relativeFile))).asUtf8String();
        }
        catch (SdkException e) {
            throw failure("read " + address.uri(relativeFile), e);
        }
    }

    /** The object of {@code relativeFile}, if the bucket holds one. */
    Optional<Stored> head(String relativeFile) {
        return head(relativeFile, "read");
    }

    /** @param doing what the request is for, as a failure says it ("cannot store s3://...") */
    private Optional<Stored> head(String relativeFile, String doing) {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(address.bucket()).key(address.key(relativeFile)));
            return Optional.of(new Stored(head.contentLength(), head.metadata()));
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure(doing + " " + address.uri(relativeFile), e);
        }
        catch (SdkException e) {
            throw failure(doing + " " + address.uri(relativeFile), e);
        }
    }

    /** Every object under the prefix: its name relative to the output, and its size. */
    Map<String, Long> sizes() {
        Map<String, Long> sizes = new HashMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(address.bucket())
                .prefix(address.listingPrefix())).contents()) {
                sizes.put(address.relative(object.key()), object.size());
            }
        }
        catch (SdkException e) {
            throw failure("list " + address, e);
        }
        return sizes;
    }

    /**
     * That the bucket exists and these credentials may list it and write into the prefix: a HEAD of the bucket, a listing
     * and a write of the job's own identity object, before Akool is asked for anything.
     *
     * @return the output's id ({@code .narrator/folder-id}), {@code newId} when it had none
     */
    String check(String newId) {
        try {
            s3.headBucket(head -> head.bucket(address.bucket()));
            s3.listObjectsV2(list -> list.bucket(address.bucket()).prefix(address.listingPrefix()).maxKeys(1));
        }
        catch (SdkException e) {
            throw failure("use " + address, e);
        }
        return createOrRead(".narrator/folder-id", newId).strip();
    }

    /** One line that says what failed and what to do; the SDK's own message only when it is the best there is. */
    BucketException failure(String doing, SdkException e) {
        String what;
        if (e instanceof S3Exception s3Failure) {
            String code = s3Failure.awsErrorDetails() == null ? null : s3Failure.awsErrorDetails().errorCode();
            int status = s3Failure.statusCode();
            if ("NoSuchBucket".equals(code) || status == 404 && doing.startsWith("use")) {
                what = "the bucket " + address.bucket() + " does not exist (create it, or check the bucket's name and"
                        + " narrator.s3.endpoint / AWS_ENDPOINT_URL_S3)";
            }
            else if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
                what = "the store refused the credentials (" + code + "): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                        + " or the profile";
            }
            else if (status == 403) {
                what = "access denied" + (code == null ? "" : " (" + code + ")") + ": the credentials need s3:ListBucket on"
                        + " the bucket and s3:GetObject and s3:PutObject under the prefix";
            }
            else if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
                what = "the bucket is in another region: set AWS_REGION (or narrator.s3.region) to the bucket's";
            }
            else {
                what = "the store answered " + status + (code == null ? "" : " " + code);
            }
        }
        else if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            what = "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or give the pod an"
                    + " identity (web identity)";
        }
        else {
            String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
            what = "the store could not be reached: " + (cause == null ? e.getClass().getSimpleName()
                    : cause.lines().findFirst().orElse(cause));
        }
        return new BucketException("cannot " + doing + ": " + what, e);
    }

    private static String base64(String sha256Hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
    }
}
