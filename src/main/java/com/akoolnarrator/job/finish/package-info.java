/** The steps that finish a run: rows narrated in parts joined, then results.csv, failed.csv and report.html. */
package com.akoolnarrator.job.finish;
