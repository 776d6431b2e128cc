/**
 * The narration job: its flow ({@code NarrationJobConfiguration}), what one execution is and holds
 * ({@code RunContext}, {@code RunState}, found through {@code RunContexts}), what the row-by-row steps share (fault
 * tolerance, failures, the consecutive-failure guard), and the surface the command line uses:
 * {@code NarrationLauncher} (narrate, check, stop) and {@code RunFacts} (what an execution says about itself). The
 * steps live in the sub-packages, one per phase, which import this package and never each other: they hand work
 * to each other through the ledger only.
 */
package com.akoolnarrator.job;
