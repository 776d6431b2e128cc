package com.akoolnarrator.database;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which job database a command uses, chosen by the command: the one of an output folder ({@code spring.datasource.url}
 * when given, else the folder's own H2 file, created if need be), or none at all (an in-memory database, so that a
 * command that stores nothing creates nothing).
 *
 * @param outputFolder the folder whose database it is; null for none
 * @param readOnly whether the command only reads it ({@code status}): the folder's own file is then opened read-only
 *        when it needs no migration, and is left byte for byte as it was
 */
public record JobDatabase(Path outputFolder, boolean readOnly) {

    /** The H2 database's name in the folder's {@code .narrator/}: its file is {@code narrator.mv.db}. */
    static final String NAME = "narrator";

    public static JobDatabase of(Path outputFolder) {
        return new JobDatabase(outputFolder.toAbsolutePath().normalize(), false);
    }

    /** The database of a folder, for a command that only reads it. */
    public static JobDatabase reading(Path outputFolder) {
        return new JobDatabase(outputFolder.toAbsolutePath().normalize(), true);
    }

    public static JobDatabase none() {
        return new JobDatabase(null, false);
    }

    public boolean isNone() {
        return outputFolder == null;
    }

    /** Whether {@code spring.datasource.url} names a PostgreSQL server, which several processes can share. */
    public static boolean isOnServer(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** Whether a folder has a job database file of its own. */
    public static boolean exists(Path outputFolder) {
        return Files.isRegularFile(outputFolder.toAbsolutePath().normalize().resolve(JobDatabaseConfiguration.STATE_FOLDER)
            .resolve(NAME + ".mv.db"));
    }
}
