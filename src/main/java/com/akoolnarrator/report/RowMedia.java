package com.akoolnarrator.report;

import static com.akoolnarrator.report.ListeningReportWriter.escape;
import static com.akoolnarrator.report.ListeningReportWriter.relativeUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import com.akoolnarrator.captions.CaptionFiles;
import com.akoolnarrator.captions.Cue;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.review.Takes;

/** What the report's player of a row carries beside the MP3: its captions, its take and the takes it replaced. */
final class RowMedia {

    private static final ObjectMapper CUES = JsonMapper.builder().build();

    private final Path folder;

    RowMedia(Path folder) {
        this.folder = folder;
    }

    /**
     * The take this file is, a reviewer's decision on it, and a player for each take it replaced that is still kept
     * beside it ({@code <stem>.take<N><ext>}).
     */
    String takes(ResultRow row) {
        if (row.take() == null || row.take() == 1 && row.review() == null) {
            return "";
        }
        StringBuilder takes = new StringBuilder("<div class=\"takes\">take ").append(row.take());
        if (row.review() != null) {
            takes.append(" · <span class=\"review ").append(row.review().label()).append("\">").append(row.review().label())
                .append("</span>").append(row.reviewReason() == null ? "" : ": " + escape(row.reviewReason()));
        }
        for (int earlier = 1; earlier < row.take(); earlier++) {
            String kept = Takes.keptName(row.file(), earlier);
            if (Files.isRegularFile(folder.resolve(kept))) {
                takes.append("<div>take ").append(earlier).append(" <audio class=\"earlier\" controls preload=\"none\" src=\"")
                    .append(escape(relativeUrl(kept))).append("\"></audio></div>");
            }
        }
        return takes.append("</div>").toString();
    }

    /**
     * The row's captions, from the file written beside its MP3, for the page to show the current one under the player
     * (with the browser's own text tracks: a {@code <track>} element cannot load a file next to a page opened from
     * disk); nothing when it has none.
     */
    String cues(ResultRow row) throws IOException {
        if (row.captions() == null || row.captions().isBlank()) {
            return "";
        }
        List<Cue> cues = CaptionFiles.read(folder.resolve(row.captions().split(" ")[0]));
        if (cues.isEmpty()) {
            return "";
        }
        List<Object[]> data = cues.stream().map(cue -> new Object[] { cue.start(), cue.end(), cue.text() }).toList();
        return " data-cues=\"" + escape(CUES.writeValueAsString(data)) + "\"";
    }
}
