package com.akoolnarrator.job.submit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.akool.RequestsStopped;
import com.akoolnarrator.akool.SpeechRequest;
import com.akoolnarrator.job.ConsecutiveFailureGuard;
import com.akoolnarrator.ledger.AcceptedJournal;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.SpendingGate;
import com.akoolnarrator.ledger.PendingNarration;

/**
 * The one place where Akool is asked to narrate (and bills for it). The first attempt of each narration was counted
 * by the {@link PendingSubmissionReader}; a request sent again after a fault is counted here first, after asking the
 * ledger again whether the narration has an Akool job by now. Once Akool accepts, the job id is committed to the
 * ledger before this method returns, so that no retry, chunk replay, restart or rerun submits the row again. A request
 * that failed for a reason that may pass is put back ({@link DeferredSubmissions}) rather than retried here; one put
 * back too often waits what Akool asked, if anything, and is retried in place.
 */
class AudioSubmitter implements ItemProcessor<PendingNarration, PendingNarration> {

    private final AkoolClient akool;
    private final AkoolJobFacts facts;
    private final ConsecutiveFailureGuard guard;
    private final SpendingGate gate;
    private final AcceptedJournal journal;
    private final BooleanSupplier diskRoom;
    private final CountedAttempts attempts;
    private final DeferredSubmissions deferred;
    /** Where Akool calls back about the jobs this run submits, or null when it calls no one back. */
    private final String callbackUrl;
    /** Narrations whose request was answered once in a way that may mean it was accepted. */
    private final Set<String> unreadableAnswers = ConcurrentHashMap.newKeySet();

    AudioSubmitter(AkoolClient akool, AkoolJobFacts facts, ConsecutiveFailureGuard guard, CountedAttempts attempts,
            DeferredSubmissions deferred, SpendingGate gate, AcceptedJournal journal, BooleanSupplier diskRoom,
            String callbackUrl) {
        this.callbackUrl = callbackUrl;
        this.deferred = deferred;
        this.diskRoom = diskRoom;
        this.gate = gate;
        this.journal = journal;
        this.akool = akool;
        this.attempts = attempts;
        this.facts = facts;
        this.guard = guard;
    }

    @Override
    public PendingNarration process(PendingNarration narration) {
        guard.ensureNotTripped();
        if (narration.akoolId() != null) {
            return narration;
        }
        if (!diskRoom.getAsBoolean()) {
            return narration; // stopped while the disk was full: left PENDING, its counted attempt taken back
        }
        if (!attempts.use(narration.key())) {
            Optional<String> known = facts.beginSubmission(narration.key());
            if (known.isPresent()) {
                return narration.withAkoolId(known.get());
            }
        }
        gate.awaitOpen(); // nothing is sent that the ledger could not record
        AudioJob job;
        try {
            job = send(narration);
        }
        catch (RequestsStopped stopping) {
            facts.takeBackAttempts(List.of(narration.key()));
            return narration; // left PENDING for the next run
        }
        catch (AkoolException.Transient failed) {
            if (deferred.defer(narration, failed.retryAfter())) {
                return narration; // sent again after Akool's wait or the backoff, in a later chunk
            }
            akool.waitAsAsked(failed);
            throw failed;
        }
        facts.recordAccepted(narration.key(), job.id(), job.isCompleted() ? job.url() : null, journal);
        guard.success(ConsecutiveFailureGuard.Phase.SUBMIT);
        return narration.withAkoolId(job.id());
    }

    /** Sends the request; one whose answer may mean "accepted" is sent once more at most. */
    private AudioJob send(PendingNarration narration) {
        try {
            PendingNarration.Asked asked = narration.asked();
            SpeechRequest request = new SpeechRequest(asked.text(), asked.voiceId(), asked.voiceUrl(), asked.rate(),
                    asked.webhookUrl());
            return akool.submit(callbackUrl == null ? request : request.callingBack(callbackUrl));
        }
        catch (AkoolException.Transient e) {
            if (e.mayHaveBeenAccepted() && !unreadableAnswers.add(narration.key())) {
                throw new AkoolException.Unconfirmed(e.code(), "Akool's answer to this request could not be read twice ("
                        + e.getMessage() + "), and it may have accepted one of them; not resent again, to avoid paying"
                        + " twice");
            }
            throw e;
        }
    }
}
