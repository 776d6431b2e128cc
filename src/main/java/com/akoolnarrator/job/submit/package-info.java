/**
 * The submit step: one create or clone per pending narration, counted before it is sent and recorded the moment Akool
 * accepts it; the credit check before the first request.
 */
package com.akoolnarrator.job.submit;
