package com.akoolnarrator.storage;

/** A relative file name's parts: what the files the job writes beside an MP3 (its takes, its captions) are named from. */
public final class FileNames {

    private FileNames() {
    }

    /** {@code lessons/intro.mp3}: {@code lessons/intro}; a name without an extension (or only one) is its own stem. */
    public static String stem(String file) {
        int dot = extensionAt(file);
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** {@code lessons/intro.mp3}: {@code .mp3}; empty when there is none. */
    public static String extension(String file) {
        int dot = extensionAt(file);
        return dot < 0 ? "" : file.substring(dot);
    }

    private static int extensionAt(String file) {
        int dot = file.lastIndexOf('.');
        return dot > file.lastIndexOf('/') + 1 ? dot : -1;
    }
}
