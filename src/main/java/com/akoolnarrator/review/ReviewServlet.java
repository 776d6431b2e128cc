package com.akoolnarrator.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.ledger.ResultRow;

/**
 * The review page and what it asks for: {@code GET /} the page, {@code GET /rows} the run's rows as JSON,
 * {@code GET /audio/LINE/TAKE} a take's MP3, {@code POST /decision} a decision, saved at once. Every request passes
 * the {@link RequestGuard} first.
 */
class ReviewServlet extends HttpServlet {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern AUDIO = Pattern.compile("/audio/(\\d+)/(\\d+)");
    /** A decision is a few hundred bytes; its reason is cut to what the ledger keeps. */
    private static final int MAX_DECISION_BYTES = 16 * 1024;

    private final transient ReviewSession session;
    private final transient RequestGuard guard;
    private final transient TakeFiles files;
    private final String page;

    ReviewServlet(ReviewSession session, RequestGuard guard, TakeFiles files, String page) {
        this.session = session;
        this.guard = guard;
        this.files = files;
        this.page = page;
    }

    /** The JSON of {@code GET /rows}. */
    record Rows(String folder, long run, String reviewer, List<Row> rows) {
    }

    record Row(long line, String id, String status, String text, Integer take, String audio, String decision,
            String reason, String reviewer, String reviewedAt, String flags, String check, boolean flagged, String error,
            List<Take> earlier) {
    }

    record Take(int take, String audio, String flags, String reason, String reviewer, String reviewedAt) {
    }

    /** The body of {@code POST /decision}: the take heard, and what of it; {@code decision} empty clears it. */
    record DecisionRequest(long line, int take, String decision, String reason) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (refused(guard.refusal(request), HttpServletResponse.SC_FORBIDDEN, response)) {
            return;
        }
        String path = request.getRequestURI();
        Matcher audio = AUDIO.matcher(path);
        if (path.equals("/")) {
            response.setContentType("text/html;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline';"
                    + " style-src 'unsafe-inline'; media-src 'self'; frame-ancestors 'none'");
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
        else if (path.equals("/rows")) {
            json(response, HttpServletResponse.SC_OK, rows());
        }
        else if (audio.matches()) {
            Optional<java.nio.file.Path> file = session.takeFile(Long.parseLong(audio.group(1)),
                    Integer.parseInt(audio.group(2))).flatMap(files::find);
            if (file.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            files.send(file.get(), request.getHeader("Range"), response);
        }
        else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (refused(guard.refusal(request), HttpServletResponse.SC_FORBIDDEN, response)
                || refused(guard.decisionRefusal(request), HttpServletResponse.SC_FORBIDDEN, response)) {
            return;
        }
        if (!request.getRequestURI().equals("/decision")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_DECISION_BYTES + 1);
        DecisionRequest asked;
        ResultRow.Review decision;
        try {
            asked = JSON.readValue(body, DecisionRequest.class);
            decision = asked.decision() == null || asked.decision().isBlank() ? null
                    : ResultRow.Review.valueOf(asked.decision().strip().toUpperCase(Locale.ROOT));
        }
        catch (JacksonException | IllegalArgumentException e) {
            refused("a decision is {line, take, decision: approve, redo or empty, reason}", HttpServletResponse.SC_BAD_REQUEST,
                    response);
            return;
        }
        if (body.length > MAX_DECISION_BYTES) {
            refused("a decision is at most 16 KB", HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, response);
            return;
        }
        if (session.decide(asked.line(), asked.take(), decision, asked.reason()) == ReviewRows.Saved.SAVED) {
            json(response, HttpServletResponse.SC_OK, json(session.row(asked.line()).orElseThrow()));
        }
        else {
            refused("take " + asked.take() + " of line " + asked.line() + " is not one to decide on any more (a newer take,"
                    + " or its file is gone): reload the page", HttpServletResponse.SC_CONFLICT, response);
        }
    }

    private Rows rows() {
        return new Rows(session.folder().toString(), session.runId(), session.reviewer(),
                session.rows().stream().map(this::json).toList());
    }

    private Row json(ReviewRow row) {
        return new Row(row.line(), row.id(), row.status().name(), row.spoken(), row.take(),
                row.file() == null ? null : "audio/" + row.line() + "/" + row.take(),
                row.decision() == null ? null : row.decision().label(), row.reason(), row.reviewer(),
                row.reviewedAt() == null ? null : row.reviewedAt().toString(), row.audio() == null ? null
                        : row.audio().flags(),
                row.audio() == null ? null
                        : session.audioCheck().describe(AudioFindings.of(row.audio()), row.expectedSeconds()),
                row.flagged(), row.error(), row.earlier().stream()
                    .map(take -> new Take(take.take(), take.file() == null ? null
                            : "audio/" + row.line() + "/" + take.take(), take.flags(), take.reason(), take.reviewer(),
                            take.reviewedAt() == null ? null : take.reviewedAt().toString()))
                    .toList());
    }

    private static boolean refused(String why, int status, HttpServletResponse response) throws IOException {
        if (why == null) {
            return false;
        }
        json(response, status, java.util.Map.of("error", why));
        return true;
    }

    private static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
