package com.akoolnarrator.bucket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.storage.BucketAddress;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;
import com.akoolnarrator.tags.NarratedFiles;

/**
 * The S3 clients of the process, one per bucket and prefix, made when a run first needs one and closed with the
 * application. The AWS SDK's conventions hold: credentials from its default chain, the endpoint from
 * {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} unless {@code narrator.s3.endpoint} says otherwise.
 */
public class Buckets implements DisposableBean, AutoCloseable {

    private final NarratorProperties.S3 settings;
    private final int connections;
    private final Map<BucketAddress, S3Client> clients = new ConcurrentHashMap<>();

    Buckets(NarratorProperties.S3 settings, int connections) {
        this.settings = settings;
        this.connections = connections;
    }

    ObjectStore of(BucketAddress address) {
        return new ObjectStore(clients.computeIfAbsent(address, unused -> client()), address);
    }

    /** What the bucket shows was narrated into it, and what waits in its state folder to be stored. */
    public NarratedFiles narratedFiles(BucketAddress address, OutputFolder stateFolder) {
        return new NarratedObjects(of(address), stateFolder);
    }

    /**
     * The output's bucket checked before anything is asked of Akool (it exists, these credentials may list it and write
     * into the prefix), and its id read or made there: the id the job database knows the output by, the same from any
     * machine and any state folder.
     *
     * @throws BucketException saying, in one line, what is wrong
     */
    public String establish(BucketAddress address, String newId) {
        return of(address).check(newId);
    }

    /**
     * The run's reports ({@code names} in {@code folder}, those there) into the bucket beside its files, each replacing
     * the last run's.
     *
     * @throws BucketException when one cannot be stored (after the SDK's retries)
     */
    public void storeReports(BucketAddress address, Path folder, List<String> names) {
        ObjectStore store = of(address);
        for (String name : names) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    store.replace(name, file, Sha256.ofFile(file), ContentTypes.of(name));
                }
                catch (IOException e) {
                    throw new BucketException("cannot read " + file + " to store it: " + e.getMessage(), e);
                }
            }
        }
    }

    private S3Client client() {
        S3ClientBuilder builder = S3Client.builder()
            .httpClientBuilder(Apache5HttpClient.builder().maxConnections(connections)
                .connectionTimeout(settings.connectTimeout()).socketTimeout(settings.socketTimeout()))
            .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts()).build()))
            // the job sends each object's SHA-256 itself; no CRC of the SDK's beside it, no chunked trailer
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .forcePathStyle(settings.pathStyle())
            .region(region());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    /** The setting's, else the default chain's; a store that is not AWS's rarely cares, and gets us-east-1. */
    private Region region() {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region().strip());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        }
        catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public void destroy() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
