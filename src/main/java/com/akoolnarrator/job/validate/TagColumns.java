package com.akoolnarrator.job.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.akoolnarrator.input.InputColumn;
import com.akoolnarrator.input.InputHeader;
import com.akoolnarrator.input.TrackTags;

/**
 * Where a row's ID3 tags come from: the input columns named by {@code narrator.tags.*} (by default {@code title},
 * {@code album}, {@code artist}, {@code track}, {@code comment}), matched as headers are (case and separators aside).
 */
final class TagColumns {

    private static final Pattern TRACK = Pattern.compile("\\d{1,4}(/\\d{1,4})?");

    private final InputHeader header;
    private final int title;
    private final int album;
    private final int artist;
    private final int track;
    private final int comment;
    private final List<String> missing = new ArrayList<>();

    public TagColumns(InputHeader header, String title, String album, String artist, String track, String comment) {
        this.header = header;
        this.title = find("title", title);
        this.album = find("album", album);
        this.artist = find("artist", artist);
        this.track = find("track", track);
        this.comment = find("comment", comment);
    }

    /** Tags whose column was renamed by a setting but is not in the input: said once, at the start of validation. */
    public List<String> missingColumns() {
        return List.copyOf(missing);
    }

    /** The track column's header, for a row's reason. */
    String trackColumn() {
        return track < 0 ? "track" : header.names().get(track);
    }

    TrackTags of(List<String> values) {
        return new TrackTags(InputHeader.cell(values, title), InputHeader.cell(values, album),
                InputHeader.cell(values, artist), InputHeader.cell(values, track), InputHeader.cell(values, comment));
    }

    /** Whether one of the row's tag cells is longer than a tag keeps ({@link TrackTags#MAX_VALUE}): it is cut. */
    boolean cuts(List<String> values) {
        return TrackTags.cuts(InputHeader.cell(values, title), InputHeader.cell(values, album),
                InputHeader.cell(values, artist), InputHeader.cell(values, comment));
    }

    /** Whether a track cell is what ID3's TRCK holds: a number, or a number and the count ("3/12"). */
    static boolean isTrack(String value) {
        return value.isEmpty() || TRACK.matcher(value).matches();
    }

    private int find(String tag, String column) {
        int index = header.indexOf(column);
        if (index < 0 && !InputColumn.squash(column).equals(tag)) {
            missing.add("narrator.tags." + tag + " names the column '" + column + "', which the input does not have: its"
                    + " MP3s get no " + tag + " tag");
        }
        return index;
    }
}
