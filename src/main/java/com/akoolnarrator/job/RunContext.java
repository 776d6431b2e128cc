package com.akoolnarrator.job;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.InputSnapshot;
import com.akoolnarrator.input.LexiconFile;
import com.akoolnarrator.lexicon.Lexicon;
import com.akoolnarrator.lexicon.LexiconException;
import com.akoolnarrator.settings.OutputLocation;
import com.akoolnarrator.storage.BucketAddress;
import com.akoolnarrator.storage.OutputFolder;

/**
 * One run of the narration job as its steps see it, built once per execution from the job parameters: which input
 * (inspected once: its header, delimiter and path), its checksum, which output folder, whether it is a dry run, and
 * the lexicon its texts go through ({@link Lexicon#NONE} without one).
 *
 * @param runId the Spring Batch job instance: the ledger's run
 * @param scope the ledger's name of the output folder, the same whatever path reaches it
 * @param bucket where the files go when the output is a bucket ({@code outputFolder} is then its local state
 *        folder, where they wait to be stored); null for a folder
 */
public record RunContext(long runId, InputFile input, String inputSha256, OutputFolder outputFolder, String scope,
        boolean dryRun, Lexicon lexicon, BucketAddress bucket) {

    public static final String INPUT = "input";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String OUTPUT_DIR = "output.dir";
    /** Makes every launch a new run (job instance); a restart reuses the parameters, and with them the instance. */
    public static final String LAUNCH = "launch";
    public static final String DRY_RUN = "dry-run";
    /** The lexicon file the texts go through, and its checksum; absent without one. */
    public static final String LEXICON = "lexicon";
    public static final String LEXICON_SHA256 = "lexicon.sha256";
    /** The output's bucket and prefix ({@code s3://BUCKET/PREFIX}); absent for a folder. */
    public static final String OUTPUT_BUCKET = "output.bucket";

    /** The job parameters of a new run: what it reads, and where it writes (its number is its job instance's). */
    static JobParameters parameters(RunInput input, OutputLocation output, boolean dryRun) {
        Path outputDir = output.folder();
        JobParametersBuilder parameters = new JobParametersBuilder()
            .addString(INPUT, input.input().source().toAbsolutePath().normalize().toString())
            .addString(INPUT_SHA256, input.inputSha256())
            .addString(OUTPUT_DIR, outputDir.toString())
            .addString(LAUNCH, UUID.randomUUID().toString())
            .addString(DRY_RUN, String.valueOf(dryRun));
        if (output.isBucket()) {
            parameters.addString(OUTPUT_BUCKET, output.bucket().toString());
        }
        if (input.lexicon() != null) {
            parameters.addString(LEXICON, input.lexicon().toAbsolutePath().normalize().toString())
                .addString(LEXICON_SHA256, input.lexiconSha256());
        }
        return parameters.toJobParameters();
    }

    /** @param scope the ledger's name of the output folder: its {@code FolderIdentity} */
    static RunContext of(JobExecution execution, String scope) {
        JobParameters parameters = execution.getJobParameters();
        Path source = Path.of(parameters.getString(INPUT));
        String sha256 = parameters.getString(INPUT_SHA256);
        OutputFolder folder = new OutputFolder(outputDir(parameters));
        // the copy the command took of the input; without a command (a job launched by a test), the file itself
        InputFile input = InputSnapshot.copyOf(folder.stateFolder(), sha256)
            .map(copy -> new InputSnapshot(copy, source, sha256).inspect()).orElseGet(() -> InputFile.inspect(source));
        return new RunContext(execution.getJobInstance().getInstanceId(), input, sha256, folder, scope,
                isDryRun(parameters), lexicon(parameters), bucket(parameters));
    }

    /** The run's lexicon, read again from its file: one changed since the run started is not taken for it. */
    private static Lexicon lexicon(JobParameters parameters) {
        String file = parameters.getString(LEXICON);
        if (file == null) {
            return Lexicon.NONE;
        }
        Lexicon lexicon = LexiconFile.read(Path.of(file));
        if (!lexicon.sha256().equals(parameters.getString(LEXICON_SHA256))) {
            throw new LexiconException("the lexicon " + file + " changed after the run started: run the same command"
                    + " again to narrate with it as it is now");
        }
        return lexicon;
    }

    private static BucketAddress bucket(JobParameters parameters) {
        String bucket = parameters.getString(OUTPUT_BUCKET);
        return bucket == null ? null : BucketAddress.parse(bucket);
    }

    /** Where a run writes: its folder, or its bucket with the state folder beside it. */
    static OutputLocation output(JobParameters parameters) {
        return new OutputLocation(outputDir(parameters), bucket(parameters));
    }

    static Path outputDir(JobParameters parameters) {
        return Path.of(parameters.getString(OUTPUT_DIR));
    }

    public static boolean isDryRun(JobParameters parameters) {
        return "true".equals(parameters.getString(DRY_RUN));
    }
}
