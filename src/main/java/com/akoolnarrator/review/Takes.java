package com.akoolnarrator.review;

import com.akoolnarrator.storage.FileNames;

/** How an earlier take's file is named beside the current one. */
public final class Takes {

    private Takes() {
    }

    /** {@code lessons/intro.mp3}, take 1: {@code lessons/intro.take1.mp3}. */
    public static String keptName(String file, int take) {
        return FileNames.stem(file) + ".take" + take + FileNames.extension(file);
    }
}
