/**
 * Output into an S3-compatible bucket ({@code --output-dir=s3://BUCKET/PREFIX}): the check before anything is sent,
 * the store steps that create each file once and delete it locally, what a bucket shows was narrated into it.
 */
package com.akoolnarrator.bucket;
