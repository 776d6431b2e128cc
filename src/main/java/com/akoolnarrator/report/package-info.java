/** What a run leaves for people: results.csv, failed.csv and the listening report. */
package com.akoolnarrator.report;
