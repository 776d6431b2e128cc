package com.akoolnarrator.bucket;

import java.util.Locale;
import java.util.Map;

/** The content type an object is stored with, by its file name: what a browser or a CDN serves it as. */
final class ContentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mp3", "audio/mpeg",
            "vtt", "text/vtt; charset=utf-8",
            "srt", "application/x-subrip; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "json", "application/json");

    private ContentTypes() {
    }

    static String of(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }
}
