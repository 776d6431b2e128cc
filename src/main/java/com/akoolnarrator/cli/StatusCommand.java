package com.akoolnarrator.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

import com.akoolnarrator.job.Durations;
import com.akoolnarrator.job.NarrationLauncher;
import com.akoolnarrator.job.RunFacts;
import com.akoolnarrator.ledger.RunCounts;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.ledger.RunStatistics.AtAkool;
import com.akoolnarrator.ledger.RunStatistics.RowProblem;
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

    StatusCommand(JobRepository jobRepository, RunStatistics statistics, Clock clock) {
        this.jobRepository = jobRepository;
        this.statistics = statistics;
        this.clock = clock;
    }

    void print(Path outputDir, Command.Status.Format format, PrintStream out) {
        Path folder = outputDir.toAbsolutePath().normalize();
        Map<String, Object> status = FolderHolder.of(folder).<Map<String, Object>>map(holder -> {
            Map<String, Object> busy = new LinkedHashMap<>();
            busy.put("outputDir", folder.toString());
            busy.put("runningNow", Map.of("host", holder.host(), "pid", holder.pid(), "since", holder.since()));
            return busy;
        }).orElseGet(() -> status(folder));
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

    /** The status as plain data: what the JSON says, and what the text is written from. */
    Map<String, Object> status(Path folder) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("outputDir", folder.toString());
        String scope = FolderIdentity.knownAs(folder); // read once: the folder's id is a file
        status.put("runs", runs(scope));
        Optional<Long> last = statistics.lastRun(scope);
        if (last.isPresent()) {
            long runId = last.get();
            RunCounts counts = statistics.counts(runId);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", runId);
            run.put("rows", Map.of("total", counts.total(), "succeeded", counts.succeeded(), "failed", counts.failed(),
                    "invalid", counts.invalid(), "atAkool", counts.atAkool(), "toSubmit", counts.pending(),
                    "toListenTo", statistics.filesToListenTo(runId)));
            AtAkool atAkool = statistics.atAkool(runId);
            run.put("atAkool", atAkool.count() == 0 ? Map.of("jobs", 0) : Map.of("jobs", atAkool.count(),
                    "oldestSubmittedAt", atAkool.oldestSubmittedAt().toString(),
                    "waitingSeconds", Duration.between(atAkool.oldestSubmittedAt(), clock.instant()).toSeconds()));
            List<Map<String, Object>> problems = new ArrayList<>();
            for (RowProblem problem : statistics.problems(runId, PROBLEMS_SHOWN)) {
                problems.add(Map.of("line", problem.line(), "id", String.valueOf(problem.rowId()), "status", problem.status(),
                        "reason", String.valueOf(problem.reason())));
            }
            run.put("problems", problems);
            run.put("moreProblems", Math.max(0, counts.failed() + counts.invalid() - problems.size()));
            status.put("lastRun", run);
        }
        return status;
    }

    private List<Map<String, Object>> runs(String scope) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (long runId : statistics.lastRuns(scope, RUNS_SHOWN)) {
            JobExecution execution = NarrationLauncher.lastExecution(jobRepository, runId);
            if (execution == null) {
                continue;
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", runId);
            run.put("input", RunFacts.of(execution).input());
            run.put("started", time(execution.getStartTime()));
            run.put("ended", time(execution.getEndTime()));
            run.put("status", execution.getStatus().name());
            runs.add(run);
        }
        return runs;
    }

    private static String time(LocalDateTime time) {
        return time == null ? null : time.withNano(0).toString().replace('T', ' ');
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> status) {
        StringBuilder text = new StringBuilder("Output folder " + status.get("outputDir") + System.lineSeparator());
        Map<String, Object> running = (Map<String, Object>) status.get("runningNow");
        if (running != null) {
            return text.append(String.format("A run is working in it now: process %s on %s, since %s. Its job database is"
                    + " in use; ask again when it has ended.%n", running.get("pid"), running.get("host"), running.get("since")))
                .toString();
        }
        List<Map<String, Object>> runs = (List<Map<String, Object>>) status.get("runs");
        if (runs.isEmpty()) {
            return text.append("No run has narrated into it yet.").append(System.lineSeparator()).toString();
        }
        text.append("Last runs:").append(System.lineSeparator());
        for (Map<String, Object> run : runs) {
            text.append(String.format("  run %s: %s, started %s, %s; %s%n", run.get("run"), run.get("status"),
                    run.get("started"), run.get("ended") == null ? "not ended" : "ended " + run.get("ended"), run.get("input")));
        }
        Map<String, Object> last = (Map<String, Object>) status.get("lastRun");
        if (last == null) {
            return text.toString();
        }
        Map<String, Object> rows = (Map<String, Object>) last.get("rows");
        text.append(String.format("Run %s: %s rows: %s succeeded, %s failed, %s invalid, %s at Akool, %s to submit%n",
                last.get("run"), rows.get("total"), rows.get("succeeded"), rows.get("failed"), rows.get("invalid"),
                rows.get("atAkool"), rows.get("toSubmit")));
        if (((Number) rows.get("toListenTo")).longValue() > 0) {
            text.append(String.format("Files to listen to (flagged by the audio check): %s; see report.html#FLAGGED%n",
                    rows.get("toListenTo")));
        }
        Map<String, Object> atAkool = (Map<String, Object>) last.get("atAkool");
        if (((Number) atAkool.get("jobs")).longValue() > 0) {
            text.append(String.format("Waiting at Akool: %s jobs, the oldest submitted %s (%s ago)%n", atAkool.get("jobs"),
                    atAkool.get("oldestSubmittedAt"), Durations.words(Duration.ofSeconds(((Number) atAkool.get("waitingSeconds")).longValue()))));
        }
        List<Map<String, Object>> problems = (List<Map<String, Object>>) last.get("problems");
        if (!problems.isEmpty()) {
            text.append("Rows that did not succeed:").append(System.lineSeparator());
            for (Map<String, Object> problem : problems) {
                text.append(String.format("  line %s, id %s: %s: %s%n", problem.get("line"), problem.get("id"),
                        problem.get("status"), problem.get("reason")));
            }
            long more = ((Number) last.get("moreProblems")).longValue();
            if (more > 0) {
                text.append(String.format("  ... and %d more (all of them are in failed.csv)%n", more));
            }
        }
        return text.toString();
    }
}
