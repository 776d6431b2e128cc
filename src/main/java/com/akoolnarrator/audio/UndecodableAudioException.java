package com.akoolnarrator.audio;

/** An MP3 whose frames the decoder refuses: it is flagged, never measured. */
class UndecodableAudioException extends RuntimeException {

    public UndecodableAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
