package com.akoolnarrator.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A report file written under a temporary name and given its real name in one step, so nobody reads half of it. */
final class StagedFile {

    private final Path target;
    private final Path staging;

    StagedFile(Path folder, String name) {
        this.target = folder.resolve(name);
        this.staging = folder.resolve("." + name + ".tmp");
    }

    Writer open() throws IOException {
        Files.createDirectories(target.getParent());
        return Files.newBufferedWriter(staging, StandardCharsets.UTF_8);
    }

    void publish() throws IOException {
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
