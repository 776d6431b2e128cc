package com.akoolnarrator.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Akool's scheme against the two test vectors of {@code shared/akool-api.md}, both ways. */
class WebhookSealTests {

    private static final String CLIENT_ID = "TESTCLIENTID0000000000==";
    private static final String TIMESTAMP = "1710757981609";
    private static final String NONCE = "1529";
    private static final String PLAINTEXT = "{\"_id\":\"65f8017f56559aa67f0ecde7\",\"status\":3,\"type\":\"audio\","
            + "\"url\":\"https://example.invalid/tts.mp3\"}";
    private static final String AES256_KEY = "0123456789abcdefghijklmnopqrstuv";
    private static final String AES256_DATA = "vjScidirVVhkPeDSwMyVuejeKcCV3vEotpMPzaSWLzeL93ZxFkSQDye/rayZm9a4P1NrvXKOI+jzvIcqHwY7fFqTDlEtPR1jhv7KIKIjH/rzLxAPGmddFewbwoUJtlLuX2Sx7kVpRLE0d+qK+QHWwQ==";
    private static final String AES256_SIGNATURE = "807d4efd596b4f63468d3ff535933770649416f1";
    private static final String AES192_KEY = "0123456789abcdefghijklmn";
    private static final String AES192_DATA = "mfmfSeW2ARdrOuFR8ZNb8In92uZPVdZJOVSVx0USxBpI8JZFDkq2nljbC+CVhRdIdKbOdow8WqBrZXFrF+KUNFq4tjuF+NYQcHIeIHN7spuMnZE+YrCOT8hFcIw+2uhrZnAVk4GtRGAlzJtIPiMHHg==";
    private static final String AES192_SIGNATURE = "cf764d6c833ed84e2e5bcd33c797b741c322c159";

    @Test
    void aes256VectorSealsAndOpens() {
        WebhookSeal seal = new WebhookSeal(CLIENT_ID, AES256_KEY);
        assertThat(seal.encrypt(PLAINTEXT)).isEqualTo(AES256_DATA);
        assertThat(seal.decrypt(AES256_DATA)).isEqualTo(PLAINTEXT);
        assertThat(seal.sign(TIMESTAMP, NONCE, AES256_DATA)).isEqualTo(AES256_SIGNATURE);
        assertThat(seal.verifies(AES256_SIGNATURE, TIMESTAMP, NONCE, AES256_DATA)).isTrue();
    }

    @Test
    void aes192VectorSealsAndOpens() {
        WebhookSeal seal = new WebhookSeal(CLIENT_ID, AES192_KEY);
        assertThat(seal.encrypt(PLAINTEXT)).isEqualTo(AES192_DATA);
        assertThat(seal.decrypt(AES192_DATA)).isEqualTo(PLAINTEXT);
        assertThat(seal.sign(TIMESTAMP, NONCE, AES192_DATA)).isEqualTo(AES192_SIGNATURE);
    }

    @Test
    void anyChangedFieldBreaksTheSignature() {
        WebhookSeal seal = new WebhookSeal(CLIENT_ID, AES256_KEY);
        assertThat(seal.verifies(AES256_SIGNATURE, TIMESTAMP, "1530", AES256_DATA)).isFalse();
        assertThat(seal.verifies(AES256_SIGNATURE, "1710757981610", NONCE, AES256_DATA)).isFalse();
        assertThat(seal.verifies(AES256_SIGNATURE.toUpperCase(), TIMESTAMP, NONCE, AES256_DATA)).isFalse();
        assertThat(seal.verifies("", TIMESTAMP, NONCE, AES256_DATA)).isFalse();
        assertThat(new WebhookSeal("OTHERCLIENT", AES256_KEY).verifies(AES256_SIGNATURE, TIMESTAMP, NONCE, AES256_DATA))
            .isFalse();
    }

    @Test
    void aShortClientIdIsZeroPaddedAndTheWrongKeyDoesNotOpen() {
        WebhookSeal seal = new WebhookSeal("short", AES256_KEY);
        assertThat(seal.decrypt(seal.encrypt(PLAINTEXT))).isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> new WebhookSeal(CLIENT_ID, AES192_KEY).decrypt(AES256_DATA))
            .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(AES192_KEY);
        assertThatThrownBy(() -> seal.decrypt("not base64!")).hasMessage("dataEncrypt is not Base64");
    }

    @Test
    void aKeyOfAnotherLengthIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new WebhookSeal(CLIENT_ID, "sim-demo-key"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12").hasMessageNotContaining("sim-demo-key");
    }
}
