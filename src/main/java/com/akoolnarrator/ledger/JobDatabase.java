package com.akoolnarrator.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which job database a command uses, chosen by the command: the one of an output folder ({@code spring.datasource.url}
 * when given, else the folder's own H2 file, created if need be), or none at all (an in-memory database, so that a
 * command that stores nothing creates nothing).
 *
 * @param outputFolder the folder whose database it is; null for none
 */
public record JobDatabase(Path outputFolder) {

    /** The H2 database's name in the folder's {@code .narrator/}: its file is {@code narrator.mv.db}. */
    static final String NAME = "narrator";

    public static JobDatabase of(Path outputFolder) {
        return new JobDatabase(outputFolder.toAbsolutePath().normalize());
    }

    public static JobDatabase none() {
        return new JobDatabase(null);
    }

    public boolean isNone() {
        return outputFolder == null;
    }

    /** Whether a folder has a job database file of its own. */
    public static boolean exists(Path outputFolder) {
        return Files.isRegularFile(outputFolder.toAbsolutePath().normalize().resolve(JobDatabaseConfiguration.STATE_FOLDER)
            .resolve(NAME + ".mv.db"));
    }
}
