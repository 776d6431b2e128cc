package com.akoolnarrator.bucket;

import java.util.Locale;

/** The content type an object is stored with, by its file name: what a browser or a CDN serves it as. */
final class ContentTypes {

    private ContentTypes() {
    }

    static String of(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        if (name.endsWith(".vtt")) {
            return "text/vtt; charset=utf-8";
        }
        if (name.endsWith(".srt")) {
            return "application/x-subrip; charset=utf-8";
        }
        if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
