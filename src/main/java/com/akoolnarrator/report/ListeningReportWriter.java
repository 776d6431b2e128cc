package com.akoolnarrator.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;


import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.audio.AudioFlag;
import com.akoolnarrator.input.InputColumn;
import com.akoolnarrator.input.InputHeader;
import com.akoolnarrator.ledger.CheckedAudio;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.storage.AtomicFile;

/**
 * Writes {@code report.html} beside {@code results.csv}: one self-contained page (no scripts, styles or fonts from the
 * network) with a row per input row, its pass-through columns, status, the text (an excerpt, the whole on demand), an
 * audio player for the local MP3 with its loudness and peak, its duration, what the audio check found, and errors
 * highlighted. The files the check flagged come first; buttons filter by status or to the flagged files. Rows are written as
 * they are read, so the page never needs the whole run in memory.
 */
class ListeningReportWriter implements ItemStreamWriter<ResultRow>, StepExecutionListener {

    private static final int EXCERPT = 140;

    private final Path folder;
    private final RowMedia media;
    private AtomicFile file;
    private final InputHeader header;
    private final String title;
    private final AudioCheck audioCheck;
    private Writer out;

    public ListeningReportWriter(Path folder, InputHeader header, String title, AudioCheck audioCheck) {
        this.audioCheck = audioCheck;
        this.folder = folder;
        this.media = new RowMedia(folder);
        this.header = header;
        this.title = title;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            out = (file = AtomicFile.beside(folder.resolve(ReportFiles.REPORT))).writer();
            out.write("""
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Narration report: %s</title>
                    <style>
                    body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d2330}
                    h1{font-size:1.3rem;margin:0 0 .3rem}
                    .filters button{margin:.6rem .3rem .8rem 0;padding:.3rem .8rem;border:1px solid #9aa5b8;border-radius:1rem;background:#fff;cursor:pointer}
                    .filters button.on{background:#1d2330;color:#fff}
                    table{border-collapse:collapse;width:100%%}
                    th,td{border-bottom:1px solid #e3e6ec;padding:.4rem .5rem;text-align:left;vertical-align:top}
                    th{background:#f4f6f9;position:sticky;top:0}
                    .status{font-weight:600;font-size:.8rem;padding:.1rem .45rem;border-radius:.3rem}
                    .SUCCEEDED .status{background:#e2f5e7;color:#17622e}
                    .FAILED .status{background:#fde2e1;color:#9b1c17}
                    .INVALID .status{background:#fff0cc;color:#7a5200}
                    tr.FAILED,tr.INVALID{background:#fff8f7}
                    .error{color:#9b1c17;font-weight:500}
                    details summary{cursor:pointer}
                    audio{width:16rem}
                    .levels{font-size:.8rem;color:#5a6475}
                    tr.flagged{background:#fffbea}
                    .check{color:#7a5200;font-weight:500}
                    .takes{font-size:.8rem;color:#5a6475}
                    .cue{font-size:.85rem;min-height:1.2rem;max-width:16rem;font-style:italic}
                    .review.approve{color:#17622e;font-weight:600}
                    .review.redo{color:#9b1c17;font-weight:600}
                    .flag{font-weight:600;font-size:.8rem;padding:.1rem .45rem;border-radius:.3rem;background:#fff0cc;color:#7a5200}
                    </style></head><body>
                    <h1>Narration report</h1>
                    <div>%s</div>
                    <div class="filters">
                    <button class="on" data-filter="ALL">All <span id="count-ALL"></span></button>
                    <button data-filter="FLAGGED">To listen to <span id="count-FLAGGED"></span></button>
                    <button data-filter="SUCCEEDED">Succeeded <span id="count-SUCCEEDED"></span></button>
                    <button data-filter="FAILED">Failed <span id="count-FAILED"></span></button>
                    <button data-filter="INVALID">Invalid <span id="count-INVALID"></span></button>
                    </div>
                    <table><thead><tr><th>id</th>%s<th>status</th><th>text</th><th>audio</th><th>duration</th><th>audio check</th><th>error</th></tr></thead>
                    <tbody>
                    """.formatted(escape(title), escape(title), header.passThroughNames().stream()
                        .map(name -> "<th>" + escape(name) + "</th>").collect(Collectors.joining())));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ReportFiles.REPORT, e);
        }
    }

    @Override
    public void write(Chunk<? extends ResultRow> rows) throws IOException {
        for (ResultRow row : rows) {
            StringBuilder tr = new StringBuilder("<tr class=\"").append(row.status()).append(row.flagged() ? " flagged" : "")
                .append("\" data-status=\"").append(row.status()).append(row.flagged() ? "\" data-flagged=\"true" : "")
                .append("\"><td>").append(escape(row.id())).append("</td>");
            for (int index : header.passThrough()) {
                tr.append("<td>").append(escape(index < row.values().size() ? row.values().get(index) : "")).append("</td>");
            }
            tr.append("<td><span class=\"status\">").append(row.status()).append("</span></td><td>").append(text(row))
                .append("</td><td>");
            if (row.status() == ResultRow.Status.SUCCEEDED) {
                tr.append("<audio controls preload=\"none\" src=\"").append(escape(relativeUrl(row.file()))).append("\"")
                    .append(media.cues(row)).append("></audio>").append(levels(row)).append(media.takes(row));
            }
            tr.append("</td><td>").append(row.durationSeconds() == null ? "" : String.format(Locale.ROOT, "%.1f s", row.durationSeconds()))
                .append("</td><td class=\"check\">").append(check(row))
                .append("</td><td class=\"error\">").append(escape(row.error())).append("</td></tr>\n");
            out.write(tr.toString());
        }
        out.flush();
    }

    /** Loudness and peak beside the player, and the gain levelling applied. */
    private static String levels(ResultRow row) {
        CheckedAudio heard = row.audio();
        if (heard == null || heard.seconds() == null) {
            return "";
        }
        StringBuilder levels = new StringBuilder("<div class=\"levels\">");
        levels.append(heard.loudnessLufs() == null ? "silent" : String.format(Locale.ROOT, "%.1f LUFS", heard.loudnessLufs()));
        if (heard.peakDbfs() != null) {
            levels.append(String.format(Locale.ROOT, " · peak %.1f dBFS", heard.peakDbfs()));
        }
        if (heard.gainDb() != 0) {
            levels.append(String.format(Locale.ROOT, " · levelled %+.1f dB", heard.gainDb()));
        }
        return levels.append("</div>").toString();
    }

    private String check(ResultRow row) {
        if (!row.flagged()) {
            return audioCheck.describe(AudioFindings.of(row.audio()), row.expectedSeconds());
        }
        AudioFindings findings = AudioFindings.of(row.audio());
        StringBuilder check = new StringBuilder();
        for (AudioFlag flag : findings.flags()) {
            check.append("<span class=\"flag\">").append(flag).append("</span> ");
        }
        return check.append("<div>").append(escape(audioCheck.describe(findings, row.expectedSeconds()))).append("</div>")
            .toString();
    }

    private String text(ResultRow row) {
        Integer index = header.columns().get(InputColumn.TEXT);
        String text = index == null || index >= row.values().size() ? "" : row.values().get(index);
        if (text.length() <= EXCERPT) {
            return escape(text);
        }
        return "<details><summary>" + escape(text.substring(0, EXCERPT)) + "…</summary>" + escape(text) + "</details>";
    }

    /** The MP3's path as a URL relative to the report, each segment encoded. */
    static String relativeUrl(String file) {
        return Arrays.stream(file.split("/"))
            .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
            .collect(Collectors.joining("/"));
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.write("""
                    </tbody></table>
                    <script>
                    // each file's captions as a text track of its player, the current cue shown under it
                    document.querySelectorAll('audio[data-cues]').forEach(audio => {
                      const track = audio.addTextTrack('captions', 'Captions');
                      JSON.parse(audio.dataset.cues).forEach(c => track.addCue(new VTTCue(c[0], c[1], c[2])));
                      track.mode = 'hidden';
                      const shown = document.createElement('div');
                      shown.className = 'cue';
                      audio.after(shown);
                      track.addEventListener('cuechange', () =>
                        shown.textContent = track.activeCues.length ? track.activeCues[0].text : '');
                    });
                    const rows = Array.from(document.querySelectorAll('tbody tr'));
                    const tbody = document.querySelector('tbody');
                    // the files to listen to first, in input order, then the others
                    rows.filter(r => r.dataset.flagged).reverse().forEach(r => tbody.prepend(r));
                    const shows = (r, filter) => filter === 'ALL' || r.dataset.status === filter
                      || (filter === 'FLAGGED' && r.dataset.flagged === 'true');
                    for (const filter of ['ALL', 'FLAGGED', 'SUCCEEDED', 'FAILED', 'INVALID']) {
                      document.getElementById('count-' + filter).textContent = '(' + rows.filter(r => shows(r, filter)).length + ')';
                    }
                    const choose = filter => {
                      document.querySelectorAll('.filters button').forEach(b => b.classList.toggle('on', b.dataset.filter === filter));
                      rows.forEach(r => r.hidden = !shows(r, filter));
                    };
                    document.querySelectorAll('.filters button').forEach(button =>
                      button.addEventListener('click', () => choose(button.dataset.filter)));
                    // report.html#FLAGGED opens on the files to listen to
                    const asked = location.hash.substring(1).toUpperCase();
                    if (document.querySelector('.filters button[data-filter="' + asked + '"]')) {
                      choose(asked);
                    }
                    </script>
                    </body></html>
                    """);
            out.close();
            out = null;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try (AtomicFile report = file) {
            if (report == null || stepExecution.getStatus().isUnsuccessful()) {
                return null;
            }
            close();
            report.publish();
            return null;
        }
        catch (IOException e) {
            return PublicationException.failed(stepExecution, file.target(), e);
        }
    }
}
