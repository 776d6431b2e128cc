package com.akoolnarrator.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

import com.akoolnarrator.storage.Mp3Format;

/**
 * Akool's storage, where a completed job's MP3 is fetched ({@code GET /files/ID.mp3}): speech as long as the job's
 * text, in the format set, and a storage's bad days (refused, expired, cut short, an error page or a tag alone).
 */
final class SimulatedDownloads {

    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final SimulatedAkool akool;
    private final SimulatorCounters counters;
    /** The recordings of each format, read when a download first asks for it. */
    private final Map<String, SpokenMp3> speech = new ConcurrentHashMap<>();

    SimulatedDownloads(SimulatorSettings settings, FaultInjector faults, SimulatedAkool akool, SimulatorCounters counters) {
        this.settings = settings;
        this.faults = faults;
        this.akool = akool;
        this.counters = counters;
    }

    void serve(HttpExchange exchange, String file) throws IOException {
        counters.count("download");
        SimulatorExchanges.pause(settings.getLatency().toMillis());
        String id = file.replaceFirst("\\.mp3$", "");
        switch (akool.file(id)) {
            case MISSING -> {
                SimulatorExchanges.sendRaw(exchange, 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>", null);
                return;
            }
            case EXPIRED -> {
                SimulatorExchanges.sendRaw(exchange, 403, "application/xml",
                        "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", null);
                return;
            }
            case READY -> {
            }
        }
        if (faults.chance(settings.getRefusedDownloadRate())) {
            SimulatorExchanges.sendRaw(exchange, 403, "text/html", "<html>403 Forbidden</html>", null);
            return;
        }
        if (faults.chance(settings.getDropRate())) {
            SimulatorExchanges.drop(exchange);
            return;
        }
        if (faults.chance(settings.getHttp5xxRate())) {
            SimulatorExchanges.sendRaw(exchange, 503, "text/html", "<html>Service Unavailable</html>", null);
            return;
        }
        byte[] recorded = akool.recordingOf(id);
        byte[] mp3 = recorded != null ? recorded : speech.computeIfAbsent(settings.getSpeechFormat(), SpokenMp3::new)
            .ofSeconds(akool.textLength(id) / settings.getCharactersPerSecondOfSpeech(), akool.audioFaultOf(id));
        if (faults.chance(settings.getCorruptDownloadRate())) {
            counters.count("corrupt");
            SimulatorExchanges.sendRaw(exchange, 200, "text/html", "<html><body>Gateway maintenance</body></html>", null);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
        if (faults.chance(settings.getTagOnlyDownloadRate())) {
            counters.count("tag-only");
            int tag = Mp3Format.id3v2Length(mp3);
            exchange.sendResponseHeaders(200, tag);
            exchange.getResponseBody().write(mp3, 0, tag);
            return;
        }
        exchange.sendResponseHeaders(200, mp3.length);
        OutputStream out = exchange.getResponseBody();
        if (faults.chance(settings.getTruncatedDownloadRate())) {
            counters.count("truncated");
            out.write(mp3, 0, mp3.length / 2);
            out.flush();
            SimulatorExchanges.drop(exchange);
            return;
        }
        out.write(mp3);
    }
}
