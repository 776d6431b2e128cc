package com.akoolnarrator.review;

/** How an earlier take's file is named beside the current one. */
public final class Takes {

    private Takes() {
    }

    /** {@code lessons/intro.mp3}, take 1: {@code lessons/intro.take1.mp3}. */
    public static String keptName(String file, int take) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        if (dot <= slash + 1) {
            return file + ".take" + take; // no extension (or a name that is only one)
        }
        return file.substring(0, dot) + ".take" + take + file.substring(dot);
    }
}
