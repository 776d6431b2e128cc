package com.akoolnarrator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderIdentityTests {

    @TempDir
    Path work;

    @Test
    void aNewFolderGetsAnIdOfItsOwnThatMovesWithItAndEveryPathToItReadsTheSame() throws Exception {
        Path folder = work.resolve("out");
        String id = FolderIdentity.establish(folder, path -> false);

        assertThat(id).isNotEqualTo(folder.toString()).hasSize(36);
        Path moved = Files.move(folder, work.resolve("renamed"));
        Path link = Files.createSymbolicLink(work.resolve("link"), moved);
        assertThat(FolderIdentity.establish(moved, path -> false)).isEqualTo(id);
        assertThat(FolderIdentity.of(link)).hasValue(id);
        assertThat(FolderIdentity.establish(work.resolve("other"), path -> false)).as("two folders never share one")
            .isNotEqualTo(id);
    }

    @Test
    void aFolderTheLedgerKnewByItsPathKeepsThePathAsItsId() {
        Path folder = work.resolve("narrated-before-ids");
        assertThat(FolderIdentity.establish(folder, path -> path.equals(folder.toString()))).isEqualTo(folder.toString());
        assertThat(FolderIdentity.of(folder)).hasValue(folder.toString());
    }
}
