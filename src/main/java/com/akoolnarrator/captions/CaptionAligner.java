package com.akoolnarrator.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.akoolnarrator.audio.Pause;

/**
 * Times each caption where it is spoken: its start placed at the pause it begins after, chosen among the pauses the
 * audio check found by dynamic programming, so that each cue lasts about what its share of the text predicts (the
 * file's own speaking rate: its characters over its speech) and longer pauses, where sentences end, are preferred to
 * the short ones at commas. Where the audio gives nothing to align to (a file not measured, a file the check flagged,
 * a single sentence, too few pauses) the cues are spread over the speech by their share of the text, and the timing
 * says so.
 */
final class CaptionAligner {

    /** A boundary looks for its pause this far around where the text puts it, at least. */
    private static final double MIN_WINDOW_SECONDS = 2.5;
    /** And at most: a long script's late sentences drift, but not by minutes. */
    private static final double MAX_WINDOW_SECONDS = 45;
    /** A boundary without a pause near it costs this much: a cue placed by the estimate inside speech. */
    private static final double NO_PAUSE_COST = 1.5;
    /** What a pause of a second is worth: sentences end at the long ones. */
    private static final double PAUSE_REWARD = 1.2;
    /** A cue stays up this long after its words, unless the next one starts first. */
    private static final double LINGER_SECONDS = 0.4;

    private CaptionAligner() {
    }

    /** The cues, and how they were timed (for results.csv). */
    record Timed(List<Cue> cues, boolean aligned, String timing) {
    }

    /**
     * @param seconds the file's playing time
     * @param pauses  the pauses the audio check found, with the silence before the first word and after the last;
     *                null when the file was not measured
     * @param flagged why the audio check flagged the file (its flags), or null when it did not
     */
    static Timed time(List<CueTexts.CueText> texts, double seconds, List<Pause> pauses, String flagged) {
        double speechStart = 0;
        double speechEnd = seconds;
        if (pauses != null && !pauses.isEmpty()) {
            Pause first = pauses.get(0);
            Pause last = pauses.get(pauses.size() - 1);
            speechStart = first.start() <= 0.06 ? Math.min(first.end(), seconds) : 0;
            speechEnd = last.end() >= seconds - 0.06 && last.start() > speechStart ? last.start() : seconds;
        }
        if (texts.size() == 1) {
            return estimated(texts, speechStart, speechEnd, seconds, "one sentence: its cue spans the speech");
        }
        if (pauses == null) {
            return estimated(texts, speechStart, speechEnd, seconds, "the audio was not measured (narrator.audio.checks"
                    + "=false, or the file was taken from the folder)");
        }
        if (flagged != null && !flagged.isBlank()) {
            return estimated(texts, speechStart, speechEnd, seconds, "the audio check flagged the file (" + flagged.strip()
                    + "), so its pauses are not trusted");
        }
        List<Pause> inside = new ArrayList<>();
        for (Pause pause : pauses) {
            if (pause.start() > speechStart && pause.end() < speechEnd) {
                inside.add(pause);
            }
        }
        if (inside.size() * 2 < texts.size() - 1) {
            return estimated(texts, speechStart, speechEnd, seconds, inside.size() + " pauses for " + texts.size()
                    + " cues");
        }
        return aligned(texts, speechStart, speechEnd, seconds, inside);
    }

    /** A boundary's place: after a pause (speech resumes at {@code end}), or, {@code real} false, the estimate. */
    private record Candidate(double start, double end, boolean real) {
    }

    private static Timed aligned(List<CueTexts.CueText> texts, double speechStart, double speechEnd, double seconds,
            List<Pause> pauses) {
        int boundaries = texts.size() - 1;
        double[] expected = expectedStarts(texts, speechStart, speechEnd);
        double secondsPerWeight = (speechEnd - speechStart) / totalWeight(texts);
        double[] share = new double[texts.size()]; // each cue's share of the speech, in seconds
        for (int i = 0; i < share.length; i++) {
            share[i] = secondsPerWeight * texts.get(i).weight();
        }
        List<List<Candidate>> candidates = new ArrayList<>(boundaries);
        int from = 0;
        for (int k = 1; k <= boundaries; k++) {
            double window = Math.min(MAX_WINDOW_SECONDS, Math.max(MIN_WINDOW_SECONDS, 0.15 * (expected[k] - speechStart)));
            List<Candidate> near = new ArrayList<>();
            while (from < pauses.size() && pauses.get(from).end() < expected[k] - window) {
                from++;
            }
            for (int j = from; j < pauses.size() && pauses.get(j).start() <= expected[k] + window; j++) {
                near.add(new Candidate(pauses.get(j).start(), pauses.get(j).end(), true));
            }
            near.add(new Candidate(expected[k], expected[k], false));
            candidates.add(near);
        }
        // cost[k][c]: the least cost of cues 1..k+1 with boundary k at candidate c; back[k][c] the candidate before it
        double[][] cost = new double[boundaries][];
        int[][] back = new int[boundaries][];
        for (int k = 0; k < boundaries; k++) {
            List<Candidate> here = candidates.get(k);
            cost[k] = new double[here.size()];
            back[k] = new int[here.size()];
            for (int c = 0; c < here.size(); c++) {
                Candidate at = here.get(c);
                double own = (at.real() ? -PAUSE_REWARD * Math.min(at.end() - at.start(), 1.0) : NO_PAUSE_COST);
                if (k == 0) {
                    cost[k][c] = at.start() > speechStart ? own + segment(speechStart, at.start(), share[0])
                            : Double.POSITIVE_INFINITY;
                    back[k][c] = -1;
                    continue;
                }
                cost[k][c] = Double.POSITIVE_INFINITY;
                List<Candidate> before = candidates.get(k - 1);
                for (int p = 0; p < before.size(); p++) {
                    Candidate previous = before.get(p);
                    if (cost[k - 1][p] == Double.POSITIVE_INFINITY || previous.end() >= at.start()) {
                        continue;
                    }
                    double total = cost[k - 1][p] + own + segment(previous.end(), at.start(), share[k]);
                    if (total < cost[k][c]) {
                        cost[k][c] = total;
                        back[k][c] = p;
                    }
                }
            }
        }
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        List<Candidate> last = candidates.get(boundaries - 1);
        for (int c = 0; c < last.size(); c++) {
            double total = cost[boundaries - 1][c] + (last.get(c).end() < speechEnd
                    ? segment(last.get(c).end(), speechEnd, share[boundaries]) : Double.POSITIVE_INFINITY);
            if (total < bestCost) {
                bestCost = total;
                best = c;
            }
        }
        if (best < 0) {
            return estimated(texts, speechStart, speechEnd, seconds, "no order of the pauses fits the text");
        }
        Candidate[] chosen = new Candidate[boundaries];
        for (int k = boundaries - 1, c = best; k >= 0; c = back[k][c], k--) {
            chosen[k] = candidates.get(k).get(c);
        }
        List<Cue> cues = new ArrayList<>(texts.size());
        int atPauses = 0;
        for (int i = 0; i < texts.size(); i++) {
            double start = i == 0 ? speechStart : chosen[i - 1].end();
            double wordsEnd = i < boundaries ? chosen[i].start() : speechEnd;
            double next = i < boundaries ? chosen[i].end() : seconds;
            cues.add(new Cue(start, Math.min(next, wordsEnd + LINGER_SECONDS), texts.get(i).text()));
            atPauses += i < boundaries && chosen[i].real() ? 1 : 0;
        }
        String timing = atPauses == boundaries
                ? String.format(Locale.ROOT, "aligned: %d cues placed at the pauses of the audio", texts.size())
                : String.format(Locale.ROOT, "aligned: %d of %d cues placed at pauses, %d estimated between them",
                        atPauses + 1, texts.size(), boundaries - atPauses);
        return new Timed(cues, true, timing);
    }

    /** How far a cue's length is from its share of the speech, relative to that share. */
    private static double segment(double from, double to, double share) {
        double off = (to - from) - share;
        return off * off / (share + 0.5);
    }

    private static double totalWeight(List<CueTexts.CueText> texts) {
        double total = 0;
        for (CueTexts.CueText text : texts) {
            total += text.weight();
        }
        return total;
    }

    /** Where each cue would start if the speech ran at one pace: by its share of the text. */
    private static double[] expectedStarts(List<CueTexts.CueText> texts, double speechStart, double speechEnd) {
        double total = totalWeight(texts);
        double[] starts = new double[texts.size()];
        double before = 0;
        for (int i = 0; i < texts.size(); i++) {
            starts[i] = speechStart + (speechEnd - speechStart) * before / total;
            before += texts.get(i).weight();
        }
        return starts;
    }

    private static Timed estimated(List<CueTexts.CueText> texts, double speechStart, double speechEnd, double seconds,
            String why) {
        double[] starts = expectedStarts(texts, speechStart, speechEnd);
        List<Cue> cues = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            double end = i + 1 < texts.size() ? starts[i + 1] : Math.min(seconds, speechEnd + LINGER_SECONDS);
            cues.add(new Cue(starts[i], end, texts.get(i).text()));
        }
        return new Timed(cues, false, "estimated from the text's length: " + why);
    }
}
