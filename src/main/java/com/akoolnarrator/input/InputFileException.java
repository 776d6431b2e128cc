package com.akoolnarrator.input;

/** The input file as a whole cannot be used (missing, empty, not CSV, no usable header): exit code 2, no API call. */
public class InputFileException extends RuntimeException {

    public InputFileException(String message) {
        super(message);
    }
}
