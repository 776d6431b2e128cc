/**
 * The steps that finish a run's narration, in order: rows narrated in parts joined ({@code PartJoiner} with
 * {@code Mp3Joiner}, their queries in {@code SplitRows}), then the run's takes reviewed for their speaking rates
 * ({@code AudioReviewer}, its queries in {@code AudioReview}). The tag step ({@code tags}) and the results step
 * ({@code report}) follow.
 */
package com.akoolnarrator.job.finish;
