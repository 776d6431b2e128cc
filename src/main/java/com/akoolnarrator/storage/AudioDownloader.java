package com.akoolnarrator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Fetches one MP3 into the output folder: streamed to a temporary name beside the target, checked (complete against
 * Content-Length, under the size cap, MP3 bytes), then renamed in one step, so that a final name never holds a partial
 * file.
 */
public class AudioDownloader {

    private static final int HEAD_BYTES = 4;

    private final CloseableHttpClient http;
    private final OutputFolder folder;
    private final long maxBytes;

    public AudioDownloader(CloseableHttpClient http, OutputFolder folder, long maxBytes) {
        this.http = http;
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** Why audio is never downloaded from {@code url}, if it is not: what a poll or a callback must not hand on. */
    public static Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException e) {
            return Optional.of("Akool returned an audio URL that is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
            return Optional.of("refusing to download audio from a non-http(s) URL");
        }
        return Optional.empty();
    }

    public DownloadedAudio download(String url, String relativeFile) {
        Optional<String> refused = refusal(url);
        if (refused.isPresent()) {
            throw new DownloadException.ResultGone(refused.get());
        }
        URI uri = URI.create(url);
        Path target = folder.resolve(relativeFile);
        try (AtomicFile partial = AtomicFile.beside(target)) {
            Checked checked = http.execute(new HttpGet(uri), response -> {
                int status = response.getCode();
                if (status == 403 || status == 404 || status == 410) {
                    throw new DownloadException.Permanent("the audio URL answers HTTP " + status
                            + ": it has expired, was removed or is refused on the way (Akool keeps results 7 days)", true);
                }
                if (status != 200) {
                    throw new DownloadException.Transient("download answered HTTP " + status, null);
                }
                HttpEntity entity = response.getEntity();
                long declared = entity == null ? -1 : entity.getContentLength();
                if (declared > maxBytes) {
                    throw new DownloadException.Permanent("the MP3 is " + declared + " bytes, over the cap of " + maxBytes
                            + " (narrator.download-max-bytes)");
                }
                try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                    return copyChecked(in, partial.path(), declared);
                }
            });
            partial.publish();
            return DownloadedAudio.measured(folder, target, checked.bytes(), checked.sha256());
        }
        catch (InterruptedIOException e) {
            throw new DownloadException.Transient("download timed out", e);
        }
        catch (IOException e) {
            throw new DownloadException.Transient("download failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    private Checked copyChecked(InputStream in, Path partial, long declared) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        long total = 0;
        byte[] head;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
            head = in.readNBytes(HEAD_BYTES);
            if (!Mp3Format.looksLikeMp3(head, head.length)) {
                throw new DownloadException.Transient("the download is not MP3 audio (it starts with "
                        + HexFormat.of().formatHex(head) + ")", null);
            }
            out.write(head);
            total = head.length;
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new DownloadException.Permanent("the MP3 is over the cap of " + maxBytes
                            + " bytes (narrator.download-max-bytes)");
                }
                out.write(buffer, 0, n);
            }
        }
        if (declared >= 0 && total != declared) {
            throw new DownloadException.Transient("the download was truncated: " + total + " of " + declared + " bytes", null);
        }
        return new Checked(total, Sha256.hex(sha256));
    }

    private record Checked(long bytes, String sha256) {
    }
}
