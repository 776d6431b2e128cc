package com.akoolnarrator.job;

import java.nio.file.Path;

import com.akoolnarrator.input.InputFile;

/**
 * What a run reads: the input (its checksum identifies it) and the lexicon its texts go through, if any (likewise):
 * the same input with another lexicon is another run.
 */
public record RunInput(InputFile input, String inputSha256, Path lexicon, String lexiconSha256) {

    public static RunInput of(InputFile input, String inputSha256) {
        return new RunInput(input, inputSha256, null, null);
    }
}
