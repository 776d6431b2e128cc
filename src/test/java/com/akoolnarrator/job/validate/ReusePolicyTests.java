package com.akoolnarrator.job.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.akoolnarrator.job.validate.ReusePolicy.KnownNarration;
import com.akoolnarrator.ledger.FailureKind;
import com.akoolnarrator.ledger.NarrationState;

class ReusePolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
    private static final Instant EIGHT_DAYS_AGO = NOW.minus(Duration.ofDays(8));

    private final ReusePolicy policy = new ReusePolicy(Duration.ofDays(7), false);

    private static KnownNarration known(NarrationState state, String url, Instant submitted, Instant completed) {
        return known(state, null, url, submitted, completed);
    }

    private static KnownNarration known(NarrationState state, FailureKind kind, String url, Instant submitted,
            Instant completed) {
        return new KnownNarration(state, kind, "a.mp3", 1234L, null, url, submitted, completed, null, 1, false, null);
    }

    @Test
    void anMp3StillOnDiskAsWrittenIsKept() {
        assertThat(policy.next(known(NarrationState.DOWNLOADED, "u", EIGHT_DAYS_AGO, EIGHT_DAYS_AGO), "a.mp3", () -> true, NOW))
            .isEqualTo(NarrationState.DOWNLOADED);
    }

    @Test
    void aMissingMp3IsDownloadedAgainWhileAkoolKeepsItAndNarratedAgainAfter() {
        assertThat(policy.next(known(NarrationState.DOWNLOADED, "u", YESTERDAY, YESTERDAY), "a.mp3", () -> false, NOW))
            .isEqualTo(NarrationState.COMPLETED);
        assertThat(policy.next(known(NarrationState.DOWNLOADED, "u", EIGHT_DAYS_AGO, EIGHT_DAYS_AGO), "a.mp3", () -> false, NOW))
            .isEqualTo(NarrationState.PENDING);
    }

    @Test
    void anotherOutputFileIsWrittenFromAkoolsCopyWithoutLookingAtTheOldFile() {
        assertThat(policy.next(known(NarrationState.DOWNLOADED, "u", YESTERDAY, YESTERDAY), "b.mp3",
                () -> fail("the old file does not matter"), NOW))
            .isEqualTo(NarrationState.COMPLETED);
    }

    @Test
    void aJobAkoolStillKeepsIsFollowedAgainAndAnExpiredOneIsSubmittedAgain() {
        assertThat(policy.next(known(NarrationState.SUBMITTED, null, YESTERDAY, null), "a.mp3", () -> false, NOW))
            .isEqualTo(NarrationState.SUBMITTED);
        assertThat(policy.next(known(NarrationState.COMPLETED, "u", EIGHT_DAYS_AGO, YESTERDAY), "a.mp3", () -> false, NOW))
            .as("retention counts from completion").isEqualTo(NarrationState.COMPLETED);
        assertThat(policy.next(known(NarrationState.SUBMITTED, null, EIGHT_DAYS_AGO, null), "a.mp3", () -> false, NOW))
            .isEqualTo(NarrationState.PENDING);
    }

    @Test
    void failedAndPendingNarrationsAreSubmittedAgain() {
        assertThat(policy.next(known(NarrationState.FAILED, null, YESTERDAY, null), "a.mp3", () -> false, NOW))
            .isEqualTo(NarrationState.PENDING);
        assertThat(policy.next(known(NarrationState.PENDING, null, null, null), "a.mp3", () -> false, NOW))
            .isEqualTo(NarrationState.PENDING);
    }

    @Test
    void aRequestAkoolMayHaveAcceptedWithoutAnIdStaysFailedUnlessTheUserAsksToResendIt() {
        KnownNarration unconfirmed = known(NarrationState.FAILED, FailureKind.UNCONFIRMED, null, null, null);

        assertThat(policy.next(unconfirmed, "a.mp3", () -> false, NOW)).isEqualTo(NarrationState.FAILED);
        assertThat(new ReusePolicy(Duration.ofDays(7), true).next(unconfirmed, "a.mp3", () -> false, NOW))
            .isEqualTo(NarrationState.PENDING);
    }

    @Test
    void aJobThatTimedOutIsPolledAgainWhileAkoolKeepsItAndSubmittedAgainAfter() {
        assertThat(policy.next(known(NarrationState.FAILED, FailureKind.TIMED_OUT, null, YESTERDAY, null), "a.mp3",
                () -> false, NOW)).isEqualTo(NarrationState.SUBMITTED);
        assertThat(policy.next(known(NarrationState.FAILED, FailureKind.TIMED_OUT, null, EIGHT_DAYS_AGO, null), "a.mp3",
                () -> false, NOW)).isEqualTo(NarrationState.PENDING);
    }

    @Test
    void aFinishedJobWhoseMp3WasNotDownloadedIsDownloadedAgainWhileAkoolKeepsItNeverPaidTwice() {
        assertThat(policy.next(known(NarrationState.FAILED, FailureKind.NOT_DOWNLOADED, "u", YESTERDAY, YESTERDAY), "a.mp3",
                () -> false, NOW)).as("from its URL").isEqualTo(NarrationState.COMPLETED);
        assertThat(policy.next(known(NarrationState.FAILED, FailureKind.NOT_DOWNLOADED, null, YESTERDAY, null), "a.mp3",
                () -> false, NOW)).as("Akool asked again").isEqualTo(NarrationState.SUBMITTED);
        assertThat(policy.next(known(NarrationState.FAILED, FailureKind.NOT_DOWNLOADED, "u", EIGHT_DAYS_AGO,
                EIGHT_DAYS_AGO), "a.mp3", () -> false, NOW)).as("past Akool's retention").isEqualTo(NarrationState.PENDING);
    }

    @Test
    void aTakeAReviewerSentBackIsLeftAsItIsForTheRedoStepAndNeverTakenFromTheFolder() {
        KnownNarration sentBack = new KnownNarration(NarrationState.DOWNLOADED, null, "a.mp3", 1234L, "sha", "u",
                YESTERDAY, YESTERDAY, "akool-1", 1, true, null);

        assertThat(policy.next(sentBack, "a.mp3", () -> fail("its file does not matter"), NOW))
            .as("not downloaded again from the job being replaced").isEqualTo(NarrationState.DOWNLOADED);
        assertThat(policy.mayTakeFromFolder(sentBack, NarrationState.COMPLETED, "akool-1")).isFalse();
    }

    @Test
    void aNewTakeNotYetSentIsNotTakenFromTheFolderWhereTheTakeBeforeItMayStillBe() {
        KnownNarration secondTake = new KnownNarration(NarrationState.PENDING, null, "a.mp3", null, null, null, null,
                null, null, 2, false, null);

        assertThat(policy.mayTakeFromFolder(secondTake, NarrationState.PENDING, "akool-1")).isFalse();
        assertThat(policy.mayTakeFromFolder(secondTake, NarrationState.PENDING, null)).isFalse();
    }
}
