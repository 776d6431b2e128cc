package com.akoolnarrator.akool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalEvidenceTests {

    private final RefusalEvidence evidence = new RefusalEvidence();

    /** {@code answers} answers at this rate, one in {@code every} refused (0: none). */
    private void answers(double rate, int answers, int every) {
        for (int i = 1; i <= answers; i++) {
            evidence.answered(rate, every > 0 && i % every == 0);
        }
    }

    @Test
    void aRefusalWithNothingToCompareWithMayBeTheLimit() {
        evidence.answered(10, true);

        assertThat(evidence.meaning(10)).isEqualTo(RefusalEvidence.Meaning.UNKNOWN);
    }

    @Test
    void aRefusalAboveCleanRatesIsTheLimit() {
        answers(8, 100, 0);
        evidence.answered(12, true);

        assertThat(evidence.meaning(12)).isEqualTo(RefusalEvidence.Meaning.LIMIT);
    }

    @Test
    void refusalsAsFrequentAsAtLowerRatesAreNoise() {
        answers(8, 200, 10);
        answers(12, 100, 10);

        assertThat(evidence.meaning(12)).isEqualTo(RefusalEvidence.Meaning.NOISE);
        assertThat(evidence.shareBelow(12)).isEqualTo(0.1);
    }

    @Test
    void refusalsClearlyMoreFrequentThanTheNoiseBelowAreTheLimit() {
        answers(8, 200, 10);
        answers(12, 100, 3);

        assertThat(evidence.meaning(12)).isEqualTo(RefusalEvidence.Meaning.LIMIT);
    }

    @Test
    void afterALimitDroppedBelowEveryRateTheNoiseOfAllRatesIsTheComparison() {
        answers(20, 400, 20); // the account's noise, measured before the limit dropped
        answers(6, 100, 4); // every rate now tried is above the new limit
        answers(7, 60, 2);

        assertThat(evidence.meaning(7)).isEqualTo(RefusalEvidence.Meaning.LIMIT);
    }

    @Test
    void afterACutToARateNeverTriedRefusalsAsFrequentAsAboveAreNoise() {
        answers(12, 100, 10);
        answers(8, 19, 10);
        assertThat(evidence.meaning(8)).as("too few answers yet to tell: no second cut").isEqualTo(RefusalEvidence.Meaning.NOISE);

        answers(8, 21, 10);
        assertThat(evidence.meaning(8)).isEqualTo(RefusalEvidence.Meaning.NOISE);
    }

    @Test
    void afterACutToARateNeverTriedARefusalIsTheLimitAtOnceWhenTheRatesAboveWereRefusedHeavily() {
        answers(10, 4, 4); // one of the first four: too few to call heavy
        evidence.answered(7, true);
        assertThat(evidence.meaning(7)).isEqualTo(RefusalEvidence.Meaning.NOISE);

        answers(10, 20, 2);
        assertThat(evidence.meaning(7)).isEqualTo(RefusalEvidence.Meaning.LIMIT);
    }

    @Test
    void halfOfTheAnswersAtARateRefusedIsTheLimitWhateverIsBelow() {
        answers(8, 200, 3);
        answers(12, 10, 2);

        assertThat(evidence.meaning(12)).isEqualTo(RefusalEvidence.Meaning.LIMIT);
    }
}
