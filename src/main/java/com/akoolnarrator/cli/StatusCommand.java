package com.akoolnarrator.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

import com.akoolnarrator.job.Durations;
import com.akoolnarrator.job.NarrationLauncher;
import com.akoolnarrator.job.RunFacts;
import com.akoolnarrator.ledger.RunCounts;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.ledger.RunStatistics.AtAkool;
import com.akoolnarrator.review.Verdicts;
import com.akoolnarrator.storage.FolderHolder;
import com.akoolnarrator.storage.FolderIdentity;


/**
 * {@code status --output-dir=D}: what the runs into a folder did and are doing, read from the job database without
 * running anything: the last runs, the last run's rows by state, the jobs waiting at Akool, and the rows that did not
 * succeed with their reasons. As text for a person, or JSON ({@code --format=json}) for a scheduler or dashboard.
 */
class StatusCommand {

    private static final int RUNS_SHOWN = 5;
    private static final int PROBLEMS_SHOWN = 10;

    private final JobRepository jobRepository;
    private final RunStatistics statistics;
    private final Clock clock;
    private final Verdicts verdicts;

    StatusCommand(JobRepository jobRepository, RunStatistics statistics, Verdicts verdicts, Clock clock) {
        this.verdicts = verdicts;
        this.jobRepository = jobRepository;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** What status says, as the JSON has it: a run working in the folder now, or the folder's runs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FolderStatus(String outputDir, FolderHolder.Holder runningNow, List<RunLine> runs, LastRun lastRun) {
    }

    /** One of the last runs: {@code ended} null while it has not. */
    record RunLine(long run, String input, String started, String ended, String status) {
    }

    /** The last run's rows by state, its jobs at Akool and the first rows that did not succeed. */
    record LastRun(long run, Rows rows, AtAkoolJobs atAkool, Review review, List<Problem> problems, long moreProblems) {
    }

    /** Its files by a reviewer's decision: approved, to narrate again on the next run, not decided yet. */
    record Review(long approved, long redo, long undecided) {
    }

    record Rows(long total, long succeeded, long failed, long invalid, long atAkool, long toSubmit, long toListenTo) {
    }

    /** The jobs waiting at Akool; the oldest's time only when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AtAkoolJobs(long jobs, String oldestSubmittedAt, Long waitingSeconds) {
    }

    record Problem(long line, String id, String status, String reason) {
    }

    void print(Path outputDir, Command.Status.Format format, PrintStream out) {
        Path folder = outputDir.toAbsolutePath().normalize();
        FolderStatus status = FolderHolder.of(folder)
            .map(holder -> new FolderStatus(folder.toString(), holder, null, null))
            .orElseGet(() -> status(folder));
        if (format == Command.Status.Format.json) {
            out.println(Json.MAPPER.writeValueAsString(status));
        }
        else {
            out.print(text(status));
        }
        out.flush();
    }

    /**
     * Whether the job database knows runs into {@code folder}: a server's can, for a folder this machine does not have
     * (status read from another host, a folder since removed); an H2 database lives in the folder it knows.
     */
    boolean knowsRunsOf(Path folder) {
        return statistics.lastRun(FolderIdentity.knownAs(folder.toAbsolutePath().normalize())).isPresent();
    }

    /** The status: what the JSON says, and what the text is written from. */
    FolderStatus status(Path folder) {
        String scope = FolderIdentity.knownAs(folder); // read once: the folder's id is a file
        return new FolderStatus(folder.toString(), null, runs(scope), statistics.lastRun(scope).map(this::lastRun)
            .orElse(null));
    }

    private LastRun lastRun(long runId) {
        RunCounts counts = statistics.counts(runId);
        Rows rows = new Rows(counts.total(), counts.succeeded(), counts.failed(), counts.invalid(), counts.atAkool(),
                counts.pending(), statistics.filesToListenTo(runId));
        AtAkool waiting = statistics.atAkool(runId);
        AtAkoolJobs atAkool = waiting.count() == 0 ? new AtAkoolJobs(0, null, null)
                : new AtAkoolJobs(waiting.count(), waiting.oldestSubmittedAt().toString(),
                        Duration.between(waiting.oldestSubmittedAt(), clock.instant()).toSeconds());
        List<Problem> problems = statistics.problems(runId, PROBLEMS_SHOWN).stream()
            .map(problem -> new Problem(problem.line(), String.valueOf(problem.rowId()), problem.status(),
                    String.valueOf(problem.reason())))
            .toList();
        Verdicts.Tally tally = verdicts.tally(runId);
        return new LastRun(runId, rows, atAkool, new Review(tally.approved(), tally.redo(), tally.undecided()), problems,
                Math.max(0, counts.failed() + counts.invalid() - problems.size()));
    }

    private List<RunLine> runs(String scope) {
        List<RunLine> runs = new ArrayList<>();
        for (long runId : statistics.lastRuns(scope, RUNS_SHOWN)) {
            JobExecution execution = NarrationLauncher.lastExecution(jobRepository, runId);
            if (execution != null) {
                runs.add(new RunLine(runId, RunFacts.of(execution).input(), time(execution.getStartTime()),
                        time(execution.getEndTime()), execution.getStatus().name()));
            }
        }
        return runs;
    }

    private static String time(LocalDateTime time) {
        return time == null ? null : time.withNano(0).toString().replace('T', ' ');
    }

    private static String text(FolderStatus status) {
        StringBuilder text = new StringBuilder("Output folder " + status.outputDir() + System.lineSeparator());
        FolderHolder.Holder running = status.runningNow();
        if (running != null) {
            return text.append(String.format("A run is working in it now: process %s on %s, since %s. Its job database is"
                    + " in use; ask again when it has ended.%n", running.pid(), running.host(), running.since()))
                .toString();
        }
        if (status.runs().isEmpty()) {
            return text.append("No run has narrated into it yet.").append(System.lineSeparator()).toString();
        }
        text.append("Last runs:").append(System.lineSeparator());
        for (RunLine run : status.runs()) {
            text.append(String.format("  run %s: %s, started %s, %s; %s%n", run.run(), run.status(), run.started(),
                    run.ended() == null ? "not ended" : "ended " + run.ended(), run.input()));
        }
        LastRun last = status.lastRun();
        if (last == null) {
            return text.toString();
        }
        Rows rows = last.rows();
        text.append(String.format("Run %s: %s rows: %s succeeded, %s failed, %s invalid, %s at Akool, %s to submit%n",
                last.run(), rows.total(), rows.succeeded(), rows.failed(), rows.invalid(), rows.atAkool(), rows.toSubmit()));
        if (rows.toListenTo() > 0) {
            text.append(String.format("Files to listen to (flagged by the audio check): %s; see report.html#FLAGGED%n",
                    rows.toListenTo()));
        }
        Review review = last.review();
        if (review.approved() + review.redo() > 0) {
            text.append(String.format("Reviewed: %s approved, %s to narrate again on the next run (redo), %s not decided"
                    + " yet%n", review.approved(), review.redo(), review.undecided()));
        }
        AtAkoolJobs atAkool = last.atAkool();
        if (atAkool.jobs() > 0) {
            text.append(String.format("Waiting at Akool: %s jobs, the oldest submitted %s (%s ago)%n", atAkool.jobs(),
                    atAkool.oldestSubmittedAt(), Durations.words(Duration.ofSeconds(atAkool.waitingSeconds()))));
        }
        if (!last.problems().isEmpty()) {
            text.append("Rows that did not succeed:").append(System.lineSeparator());
            for (Problem problem : last.problems()) {
                text.append(String.format("  line %s, id %s: %s: %s%n", problem.line(), problem.id(), problem.status(),
                        problem.reason()));
            }
            if (last.moreProblems() > 0) {
                text.append(String.format("  ... and %d more (all of them are in failed.csv)%n", last.moreProblems()));
            }
        }
        return text.toString();
    }
}
