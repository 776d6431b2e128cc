package com.akoolnarrator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.NestedExceptionUtils;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.akool.CreditPrice;
import com.akoolnarrator.job.RunFacts;
import com.akoolnarrator.ledger.PendingWork;
import com.akoolnarrator.ledger.RunCounts;
import com.akoolnarrator.ledger.RunRegistry;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.review.Verdicts;
import com.akoolnarrator.lexicon.Lexicon;
import com.akoolnarrator.lexicon.LexiconEntry;
import com.akoolnarrator.report.ReportFiles;
import com.akoolnarrator.settings.OutputLocation;

/** What a finished execution means for the person or scheduler who ran it: an exit code and a few plain lines. */
class RunSummary {

    private static final int INVALID_LISTED = 50;

    private final RunStatistics statistics;
    private final RunRegistry registry;
    private final AkoolRequestThrottle throttle;
    private final CreditPrice price;
    private final AkoolClient akool;
    private final Verdicts verdicts;
    private volatile Map<String, Long> requestsBefore = Map.of();
    private volatile long rateLimitedBefore;

    RunSummary(RunStatistics statistics, RunRegistry registry, AkoolRequestThrottle throttle, CreditPrice price,
            AkoolClient akool, Verdicts verdicts) {
        this.verdicts = verdicts;
        this.statistics = statistics;
        this.registry = registry;
        this.throttle = throttle;
        this.price = price;
        this.akool = akool;
    }

    /** A run starts: what Akool was asked before it does not count for it. */
    void begin() {
        requestsBefore = akool.requestCounts();
        rateLimitedBefore = throttle.slowDowns();
    }

    /**
     * A dry run: what a run would submit and cost, what each lexicon entry changes, and every INVALID row; the run's
     * rows are then forgotten.
     */
    RunOutcome dryRun(JobExecution execution, Lexicon lexicon) {
        long runId = execution.getJobInstance().getInstanceId();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return new RunOutcome(RunOutcome.JOB_FAILED, "the dry run failed: " + cause(execution), 0, 0, 0, execution.getId());
        }
        RunCounts counts = statistics.counts(runId);
        List<PendingWork> pending = statistics.pendingWork(runId);
        Verdicts.Requested redo = verdicts.redoRequested(runId);
        long toSubmit = pending.stream().mapToLong(PendingWork::rows).sum() + redo.rows();
        long characters = pending.stream().mapToLong(PendingWork::characters).sum() + redo.characters();
        List<String> kinds = new ArrayList<>(pending.stream()
            .map(p -> p.rows() + " " + p.endpoint() + (p.requests() == p.rows() ? ""
                    : " in " + p.requests() + " requests, long texts being sent in parts"))
            .toList());
        if (redo.rows() > 0) {
            kinds.add(redo.rows() + " narrated again at a reviewer's request, a new take each");
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "dry run of %d rows: %d would be submitted (%s), %d characters, about %.1f credits at %s per 1,000;"
                        + " %d reused from earlier runs; %d invalid",
                counts.total(), toSubmit, kinds.isEmpty() ? "none" : String.join(", ", kinds),
                characters, price.estimate(characters), price.perThousandCharacters(),
                counts.total() - toSubmit - counts.invalid(), counts.invalid()));
        Optional<Double> balance = CreditPrice.balance(akool);
        report.append(balance.map(credit -> String.format(Locale.ROOT, "; the account's balance is %.1f credits%s", credit,
                credit >= price.estimate(characters) ? "" : String.format(Locale.ROOT,
                        ", which covers about %d of the %d rows", price.covered(toSubmit, credit, characters), toSubmit)))
            .orElse("; the account's balance could not be read"));
        report.append(lexiconEffects(runId, lexicon));
        for (String reason : statistics.invalidReasons(runId, INVALID_LISTED)) {
            report.append(System.lineSeparator()).append("  INVALID ").append(reason);
        }
        if (counts.invalid() > INVALID_LISTED) {
            report.append(System.lineSeparator()).append("  ... and ").append(counts.invalid() - INVALID_LISTED).append(" more");
        }
        registry.forgetRun(runId);
        RunOutcome outcome = new RunOutcome(counts.invalid() == 0 ? RunOutcome.ALL_SUCCEEDED : RunOutcome.SOME_ROWS_FAILED,
                report.toString(), 0, 0, counts.invalid(), execution.getId());
        writeFile(RunFacts.of(execution), execution, outcome, counts, characters, balance.orElse(null), null, redo.rows());
        return outcome;
    }

    /** A line per lexicon entry, in the file's order: the rows and characters of text it changes. */
    private String lexiconEffects(long runId, Lexicon lexicon) {
        if (lexicon.isEmpty()) {
            return "";
        }
        Map<String, RunStatistics.LexiconEffect> effects = statistics.lexiconEffects(runId);
        StringBuilder lines = new StringBuilder();
        for (LexiconEntry entry : lexicon.entries()) {
            RunStatistics.LexiconEffect effect = effects.get(entry.term());
            lines.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  LEXICON line %d '%s' -> '%s': %s",
                    entry.line(), entry.term(), entry.say(), effect == null ? "changes no row"
                            : String.format(Locale.ROOT, "%d %s, %d %s, %d characters", effect.rows(),
                                    effect.rows() == 1 ? "row" : "rows", effect.replacements(),
                                    effect.replacements() == 1 ? "time" : "times", effect.characters())));
        }
        return lines.toString();
    }

    /** A run: how many rows succeeded, failed or were invalid, what it cost, where everything is. */
    RunOutcome run(JobExecution execution, Path folder) {
        return run(execution, new OutputLocation(folder, null));
    }

    /** The same, saying where a bucket's files are when the output is one. */
    RunOutcome run(JobExecution execution, OutputLocation output) {
        Path folder = output.folder();
        Function<String, String> where = name -> output.isBucket() ? output.bucket().uri(name) : folder.resolve(name).toString();
        long runId = execution.getJobInstance().getInstanceId();
        RunCounts counts = statistics.counts(runId);
        long succeeded = counts.succeeded();
        long failed = counts.notSucceeded();
        long invalid = counts.invalid();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            long characters = statistics.charactersSubmittedSince(runId, firstStart(execution));
            String message = String.format(Locale.ROOT, "%d rows: %d succeeded, %d failed, %d invalid;"
                    + " %d characters narrated (about %.1f credits at %s per 1,000); %s. MP3s in %s; results in %s;"
                    + " listening report %s",
                    counts.total(), succeeded, failed, invalid, characters, price.estimate(characters),
                    price.perThousandCharacters(), throttle.describe(), output.describe(), where.apply(ReportFiles.RESULTS),
                    where.apply(ReportFiles.REPORT));
            long toListenTo = statistics.filesToListenTo(runId);
            if (toListenTo > 0) {
                message += "; " + (toListenTo == 1 ? "1 file" : toListenTo + " files") + " to listen to, flagged by the"
                        + " audio check (" + ReportFiles.REPORT + "#FLAGGED lists them first, and results.csv"
                        + " says why in audio_check)";
            }
            long retaken = verdicts.retaken(runId);
            if (retaken > 0) {
                message += "; " + (retaken == 1 ? "1 row" : retaken + " rows") + " narrated again at a reviewer's request"
                        + " (each earlier take kept beside its file as <stem>.take<N>.mp3)";
            }
            if (failed + invalid > 0) {
                message += "; the rows to fix or rerun are in " + where.apply(ReportFiles.FAILED)
                        + (failed > 0 ? " (running the same command again retries the FAILED rows)" : "");
            }
            return written(execution, new RunOutcome(failed + invalid == 0 ? RunOutcome.ALL_SUCCEEDED
                    : RunOutcome.SOME_ROWS_FAILED, message, succeeded, failed, invalid, execution.getId()), counts, characters);
        }
        String why = execution.getStatus() == BatchStatus.STOPPED ? "the job was stopped"
                : "the job failed: " + cause(execution);
        return written(execution, new RunOutcome(RunOutcome.JOB_FAILED, why + ". Nothing is lost: run the same command"
                + " again to continue.", succeeded, failed, invalid, execution.getId()), counts,
                statistics.charactersSubmittedSince(runId, firstStart(execution)));
    }

    private RunOutcome written(JobExecution execution, RunOutcome outcome, RunCounts counts, long characters) {
        RunFacts facts = RunFacts.of(execution);
        Double before = facts.balanceBefore();
        Double after = before == null ? null : CreditPrice.balance(akool).orElse(null);
        writeFile(facts, execution, outcome, counts, characters, before, after, verdicts.retaken(facts.run()));
        return outcome;
    }

    /** run-summary.json: the facts of this run or dry run, for machines (fields in docs/commands.md). */
    private void writeFile(RunFacts facts, JobExecution execution, RunOutcome outcome, RunCounts counts, long characters,
            Double balanceBefore, Double balanceAfter, long narratedAgain) {
        boolean dryRun = facts.dryRun();
        Map<String, Long> requests = new LinkedHashMap<>();
        akool.requestCounts().forEach((kind, count) -> requests.put(kind, count - requestsBefore.getOrDefault(kind, 0L)));
        RunSummaryFile.Summary summary = new RunSummaryFile.Summary(dryRun ? "dry-run" : "run", facts.run(), facts.input(),
                facts.output().describe(), outcome.exitCode(), outcome.message(),
                String.valueOf(execution.getStartTime()), String.valueOf(execution.getEndTime()), seconds(execution),
                new RunSummaryFile.Rows(counts.total(), dryRun ? 0 : counts.succeeded(), dryRun ? 0 : counts.notSucceeded(),
                        counts.invalid(), dryRun ? 0 : statistics.filesToListenTo(facts.run()), narratedAgain),
                dryRun ? null : characters, dryRun ? characters : null, price.estimate(characters),
                price.perThousandCharacters(), balanceBefore, balanceAfter, requests,
                throttle.slowDowns() - rateLimitedBefore,
                new RunSummaryFile.RequestBudget(throttle.isLearning(), throttle.highestRate(),
                        throttle.isLearning() ? throttle.settledRate() : null));
        RunSummaryFile.write(facts.output().folder(), summary);
    }

    /** How long the execution took, in seconds. */
    public static double seconds(JobExecution execution) {
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        return Duration.between(execution.getStartTime(), end).toMillis() / 1000.0;
    }

    /** When the run's first execution was created: what the run was billed for since. */
    private static Instant firstStart(JobExecution execution) {
        return execution.getJobInstance().getJobExecutions().stream().map(JobExecution::getCreateTime)
            .min(Comparator.naturalOrder()).orElse(execution.getCreateTime())
            .atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The failure a person can act on: an Akool account problem or the failure limit, else the deepest message. */
    static String cause(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            Optional<Throwable> explanation = ExplainedFailureFilter.explanation(failure);
            if (explanation.isPresent()) {
                return explanation.get().getMessage();
            }
        }
        // anything else Spring Batch has logged with its stack trace, as the job's own failure to fix
        if (failures.isEmpty()) {
            return "unknown cause (see the log above)";
        }
        Throwable deepest = NestedExceptionUtils.getMostSpecificCause(failures.get(0));
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }
}
