/**
 * The steps that finish a run, in order: rows narrated in parts joined ({@code PartJoiner}), the run's takes reviewed
 * for their speaking rates ({@code AudioReviewer}), every file tagged as its row asks (the tag step, in {@code tags}),
 * then results.csv, failed.csv and report.html written by {@code report}'s writers.
 */
package com.akoolnarrator.job.finish;
