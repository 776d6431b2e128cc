package com.akoolnarrator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who works in a folder: a run names itself there, and only it unnames itself. */
class FolderHolderTests {

    @TempDir
    Path folder;

    @Test
    void aRunRefusedTheFolderLeavesTheHoldersNameAndARunThatHeldItRemovesItsOwn() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start(); // another live process of this machine holds it
        try {
            Files.createDirectories(folder.resolve(OutputFolder.STATE_FOLDER));
            Files.writeString(folder.resolve(OutputFolder.STATE_FOLDER).resolve("holder.properties"),
                    "host=" + FolderHolder.thisHost() + "\npid=" + other.pid() + "\nsince=2026-12-06T02:00:00Z\n");

            FolderHolder.release(folder);

            assertThat(FolderHolder.of(folder)).map(FolderHolder.Holder::pid).contains(other.pid());
        }
        finally {
            other.destroyForcibly();
        }
        FolderHolder.claim(folder, Clock.systemUTC());
        assertThat(FolderHolder.of(folder)).map(FolderHolder.Holder::pid).contains(ProcessHandle.current().pid());

        FolderHolder.release(folder);

        assertThat(folder.resolve(OutputFolder.STATE_FOLDER).resolve("holder.properties")).doesNotExist();
    }
}
