package com.akoolnarrator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void anEmptyIdFileLeftByACrashIsReplacedByANewIdWrittenWhole() throws Exception {
        Path folder = work.resolve("out");
        Files.createDirectories(folder.resolve(".narrator"));
        Files.createFile(folder.resolve(".narrator/folder-id"));

        String id = FolderIdentity.establish(folder, path -> false);

        assertThat(id).hasSize(36);
        assertThat(FolderIdentity.of(folder)).hasValue(id);
        try (var files = Files.list(folder.resolve(".narrator"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("folder-id");
        }
    }

    @Test
    void aDamagedIdIsOneLineSayingWhatToDoNeverAGuess() throws Exception {
        Path folder = Files.createDirectories(work.resolve("out/.narrator")).getParent();
        Path file = folder.resolve(".narrator/folder-id");
        for (byte[] damaged : List.of(new byte[] { 'a', (byte) 0xFF, 'b' }, "x".repeat(100_000).getBytes(),
                "abc\u0000def".getBytes())) {
            Files.write(file, damaged);

            assertThatThrownBy(() -> FolderIdentity.establish(folder, path -> false))
                .isInstanceOf(OutputFolderException.class)
                .hasMessageContaining("the output folder's id, " + file + ", is damaged")
                .hasMessageContaining("put it back; else delete it")
                .hasMessageNotContaining("\n");
            assertThat(file).hasBinaryContent(damaged);
        }
    }
}
