/**
 * What faces the user: the command line parsed into typed commands ({@code NarratorCommandLine}, {@code Command}),
 * each run by its own runner; exit codes ({@code RunOutcome}), the summary, the progress display, {@code status},
 * {@code run-summary.json}, and the graceful stop. Offers {@code NarratorCli} to the launcher and
 * {@code NarrationCommand} to the tests; uses the job only through {@code job.NarrationLauncher} and
 * {@code job.RunFacts}.
 */
package com.akoolnarrator.cli;
