package com.akoolnarrator.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job file, read as docs/settings.md describes it: one {@code name=value} (or {@code name: value}) per line, taken
 * literally, so that a Windows path ({@code C:\Data\narrator\out}) is the path it looks like rather than an escape
 * sequence of Java's properties format; {@code #} and {@code !} start a comment line. A line that is none of these is
 * a usage error naming the file and the line.
 */
record JobFile(Path path, Map<String, String> settings) {

    JobFile {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    static JobFile read(Path path) {
        List<String> lines;
        try {
            lines = List.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                .toString().split("\\R", -1));
        }
        catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the job file " + path + " is not UTF-8 text: save it as UTF-8");
        }
        catch (IOException e) {
            throw new IllegalArgumentException("cannot read the job file " + path + ": " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            int equals = text.indexOf('=');
            int colon = text.indexOf(':');
            int separator = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
            String name = separator < 0 ? "" : text.substring(0, separator).strip();
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("line " + number + " of the job file " + path + " is not a setting: '"
                        + text + "'; write name=value (for example narrator.output-dir=out), or start a comment with #");
            }
            settings.put(name, text.substring(separator + 1).strip());
        }
        return new JobFile(path, settings);
    }
}
