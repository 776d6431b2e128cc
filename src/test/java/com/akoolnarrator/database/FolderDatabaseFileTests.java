package com.akoolnarrator.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder's own H2 file, whatever the folder is called. */
class FolderDatabaseFileTests {

    @TempDir
    Path work;

    @Test
    void aFolderNameWithH2sSeparatorIsANameNotSettingsAndItsDatabaseStaysInside() throws Exception {
        Path folder = Files.createDirectories(work.resolve("Course 1; Part 2;INIT=CREATE TABLE PWNED(X INT) --")
            .resolve(".narrator"));
        String url = new FolderDatabaseFile(folder.resolve("narrator")).url();

        assertThat(url).endsWith(FolderDatabaseFile.OPTIONS);
        assertThat(url.substring(0, url.length() - FolderDatabaseFile.OPTIONS.length())).doesNotContain(";", "INIT");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                ResultSet tables = connection.getMetaData().getTables(null, null, "PWNED", null)) {
            assertThat(tables.next()).as("the folder's name ran no SQL").isFalse();
        }
        assertThat(folder.resolve("narrator.mv.db")).as("the file is in the folder").isRegularFile();
        try (var beside = Files.list(work)) {
            assertThat(beside).as("and nowhere else").containsExactly(folder.getParent());
        }
    }

    @Test
    void anOrdinaryFolderIsOpenedByItsOwnPath() {
        Path database = work.resolve("lessons/.narrator/narrator");

        assertThat(new FolderDatabaseFile(database).url()).isEqualTo("jdbc:h2:file:" + database + FolderDatabaseFile.OPTIONS);
    }
}
