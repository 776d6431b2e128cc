package com.akoolnarrator.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.akoolnarrator.storage.Sha256;

/**
 * The simulated service itself, without HTTP: request validation, the charge for each job (to its
 * {@link SimulatedAccount}, which also keeps the tokens and the voice list), and the life cycle of audio jobs
 * (queueing, processing, then completed or failed after a time that grows with the text).
 * Answers are Akool's envelope, {@code {code, msg, data}}.
 */
final class SimulatedAkool {

    /** One answer in Akool's envelope. */
    record Answer(int code, String msg, Object data) {

        static Answer ok(Object data) {
            return new Answer(1000, "OK", data);
        }
    }

    private static final Pattern RATE = Pattern.compile("(\\d{1,3})%");

    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final Supplier<String> filesUrl;
    private final Map<String, SimulatedJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> submissionsByContent = new ConcurrentHashMap<>();
    private final Set<String> badTakesMade = ConcurrentHashMap.newKeySet();
    private final AtomicLong finishedReported = new AtomicLong();
    private final SimulatedAccount account;
    private final AtomicLong ids = new AtomicLong(0x65f8017f5655_0000L);
    /** While set, every new job stays processing until {@link #releaseJobs()}: a run held open on purpose. */
    private volatile boolean holding;

    private final SimulatedCallbacks callbacks;

    /** @param filesUrl where the simulator serves MP3 files, for the jobs' {@code url} */
    SimulatedAkool(SimulatorSettings settings, FaultInjector faults, Supplier<String> filesUrl, SimulatedCallbacks callbacks) {
        this.settings = settings;
        this.callbacks = callbacks;
        this.faults = faults;
        this.filesUrl = filesUrl;
        this.account = new SimulatedAccount(settings, faults);
    }

    SimulatedAccount account() {
        return account;
    }

    // ---- speech ----

    /** {@code audio/create} ({@code clone} false) and {@code audio/clone}. */
    Answer submit(String text, String rate, String voiceId, String voiceUrl, String webhookUrl, boolean clone) {
        String problem = problem(text, rate, voiceId, voiceUrl, clone);
        if (problem != null) {
            return new Answer(1003, settings.isEchoCredentials() ? "Parameter error: key " + settings.getApiKey() + ": "
                    + problem : problem, null);
        }
        if (!account.charge(text.codePointCount(0, text.length()) * settings.getCreditsPerThousandChars() / 1000)) {
            return new Answer(1006, "insufficient credit balance", null);
        }
        long now = System.currentTimeMillis();
        boolean held = holding;
        long processingMillis = held || text.contains(AkoolSimulator.STUCK_MARKER) ? Long.MAX_VALUE / 2
                : settings.getProcessingBase().toMillis() + settings.getProcessingPerChar().toNanos() * text.length() / 1_000_000;
        boolean fails = text.contains(AkoolSimulator.FAIL_MARKER) || faults.chance(settings.getFailedJobRate());
        SimulatedJob job = new SimulatedJob(String.format("%024x", ids.incrementAndGet()), text, rate, voiceId, webhookUrl, now,
                now + processingMillis, fails, audioFault(text), held);
        jobs.put(job.id, job);
        if (processingMillis < Duration.ofDays(1).toMillis()) {
            callBack(job, Duration.ofMillis(processingMillis));
        }
        submissionsByContent.computeIfAbsent(Sha256.of(text + "\u0000" + voiceId + "\u0000" + voiceUrl + "\u0000" + rate),
                k -> new AtomicInteger()).incrementAndGet();
        return faults.chance(settings.getAcceptedWithoutIdRate()) ? Answer.ok(null) : Answer.ok(jobData(job, now));
    }

    private void callBack(SimulatedJob job, Duration after) {
        if (!job.webhookUrl.isBlank()) {
            callbacks.jobEnds(job.webhookUrl, job.id, job.fails ? 4 : 3, job.fails ? null : audioUrl(job), after);
        }
    }

    /** New jobs stay processing, however long, until {@link #releaseJobs()}. */
    void holdJobs() {
        holding = true;
    }

    /** The held jobs end now (and call back, where they have a webhook); new jobs take their usual time again. */
    void releaseJobs() {
        holding = false;
        long now = System.currentTimeMillis();
        for (SimulatedJob job : jobs.values()) {
            if (job.release(now)) {
                callBack(job, Duration.ZERO);
            }
        }
    }

    private String problem(String text, String rate, String voiceId, String voiceUrl, boolean clone) {
        if (text.isBlank()) {
            return "input_text is required";
        }
        if (text.trim().split("\\s+").length > 5000) {
            return "input_text is limited to 5000 words";
        }
        var matcher = RATE.matcher(rate);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > 100) {
            return "rate must be a percentage from 0% to 100%";
        }
        if (clone && voiceId.isBlank() && voiceUrl.isBlank()) {
            return "voice_url or voice_id is required";
        }
        if (clone && !voiceUrl.isBlank() && !voiceUrl.matches("(?i)https?://.+")) {
            return "voice_url must be an http(s) URL";
        }
        if (!clone && voiceId.isBlank()) {
            return "voice_id is required";
        }
        if (!voiceId.isBlank() && !account.hasVoice(voiceId)) {
            return "voice_id " + voiceId + " does not exist";
        }
        if (text.contains(AkoolSimulator.REJECT_MARKER)) {
            return "input_text was rejected by content review";
        }
        return null;
    }

    /** {@code audio/infobymodelid}: a job's status, unknown once past the retention. */
    Answer info(String id) {
        SimulatedJob job = id == null ? null : jobs.get(id);
        long now = System.currentTimeMillis();
        if (job == null || now > job.readyAt + settings.getRetention().toMillis() || job.knownExpired()) {
            return new Answer(1008, "audio does not exist", null);
        }
        boolean failed = job.fails && now >= job.readyAt;
        if (now >= job.readyAt && job.reportFinished()) {
            finishedReported.incrementAndGet();
        }
        String failure = "audio generation failed: the voice model could not render this text"
                + (settings.isEchoCredentials() ? " (request key " + settings.getApiKey() + ")" : "");
        return new Answer(1000, failed ? failure : "OK", jobData(job, now));
    }

    private Map<String, Object> jobData(SimulatedJob job, long now) {
        // queueing for the first fifth of the job's time (a second at most: a stuck job is stuck processing), then processing
        int status = now < job.createdAt + Math.min((job.readyAt - job.createdAt) / 5, 1_000) ? 1
                : now < job.readyAt ? 2 : job.fails ? 4 : 3;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_id", job.id);
        data.put("create_time", job.createdAt);
        data.put("uid", 101400);
        data.put("from", 3);
        data.put("input_text", job.text);
        data.put("rate", job.rate);
        data.put("voice_model_id", job.voiceId.isBlank() ? job.id : job.voiceId);
        data.put("status", status);
        data.put("url", status == 3 ? audioUrl(job) : null);
        data.put("__v", 0);
        return data;
    }

    private String audioUrl(SimulatedJob job) {
        return filesUrl.get() + job.id + ".mp3";
    }

    /** {@code voice/list}: from=3 Akool's voices, from=4 the account's own, neither both. */
    Answer voices(String from) {
        return Answer.ok(account.voices(from));
    }

    Answer quota() {
        return Answer.ok(Map.of("credit", account.credits()));
    }

    // ---- files ----

    /** What a request for a job's MP3 finds. */
    enum FileState { MISSING, EXPIRED, READY }

    FileState file(String id) {
        SimulatedJob job = jobs.get(id);
        long now = System.currentTimeMillis();
        if (job == null || job.fails || now < job.readyAt) {
            return FileState.MISSING;
        }
        return now > job.readyAt + settings.getRetention().toMillis() || job.expired(faults, settings.getExpiredUrlRate())
                ? FileState.EXPIRED : FileState.READY;
    }

    /** The length of a ready job's text: its MP3 lasts as long as reading it aloud. */
    int textLength(String id) {
        return jobs.get(id).text.length();
    }

    /** A recording of exactly the job's text ({@link SimulatorSettings#speak}), or null. */
    byte[] recordingOf(String id) {
        return settings.recordingOf(jobs.get(id).text);
    }

    /** What is wrong with a job's audio, drawn when it was created; null for a job never created. */
    SpokenMp3.Fault audioFaultOf(String id) {
        SimulatedJob job = jobs.get(id);
        return job == null ? null : job.audioFault;
    }

    /** The fault a text asks for the first time it is narrated, else one draw over the audio fault rates. */
    private SpokenMp3.Fault audioFault(String text) {
        int marker = text.indexOf(AkoolSimulator.AUDIO_MARKER);
        if (marker >= 0) {
            int end = text.indexOf("]]", marker);
            String name = text.substring(marker + AkoolSimulator.AUDIO_MARKER.length(), end < 0 ? text.length() : end);
            return badTakesMade.add(text) ? SpokenMp3.Fault.valueOf(name) : SpokenMp3.Fault.NONE;
        }
        return drawnAudioFault();
    }

    /** One draw over the audio fault rates: each job's audio has at most one fault. */
    private SpokenMp3.Fault drawnAudioFault() {
        double[] rates = { settings.getAudioSilentRate(), settings.getAudioCutOffRate(), settings.getAudioTooLongRate(),
                settings.getAudioLongSilenceRate(), settings.getAudioClippedRate(), settings.getAudioTooQuietRate(),
                settings.getAudioTooLoudRate() };
        SpokenMp3.Fault[] faulty = { SpokenMp3.Fault.SILENT, SpokenMp3.Fault.CUT_OFF, SpokenMp3.Fault.TOO_LONG,
                SpokenMp3.Fault.LONG_SILENCE, SpokenMp3.Fault.CLIPPED, SpokenMp3.Fault.TOO_QUIET, SpokenMp3.Fault.TOO_LOUD };
        double draw = faults.uniform();
        for (int i = 0; i < rates.length; i++) {
            if (draw < rates[i]) {
                return faulty[i];
            }
            draw -= rates[i];
        }
        return SpokenMp3.Fault.NONE;
    }

    // ---- what tests and benchmarks read ----

    long acceptedSubmissions() {
        return submissionsByContent.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    long duplicateSubmissions() {
        return submissionsByContent.values().stream().mapToLong(c -> Math.max(0, c.get() - 1)).sum();
    }

    void resetCounters() {
        submissionsByContent.clear();
        badTakesMade.clear();
        finishedReported.set(0);
    }

    /** Jobs whose end (completed or failed) a status call has reported: the others are still at Akool for the caller. */
    long finishedReported() {
        return finishedReported.get();
    }

    /** Akool loses every job it has (as it does past retention): status calls answer 1008, downloads 404. */
    void forgetJobs() {
        jobs.clear();
    }
}
