package com.akoolnarrator.bucket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.akoolnarrator.settings.NarratorProperties;

/** The S3 clients for output into a bucket; none is made for a run into a folder. */
@Configuration(proxyBeanMethods = false)
class BucketConfiguration {

    @Bean
    Buckets buckets(NarratorProperties settings) {
        // a connection per file thread, and a few for the reports and the checks
        return new Buckets(settings.s3(), Math.max(8, settings.downloadThreads() * 2));
    }
}
