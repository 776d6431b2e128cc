package com.akoolnarrator.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The output folder cannot be used: a usage error, said in one line with the path and why. */
public class OutputFolderException extends RuntimeException {

    public OutputFolderException(Path folder, IOException cause) {
        super("the output folder " + folder + " cannot be used: " + why(folder, cause)
                + "; give another --output-dir, or fix this one", null, false, false);
    }

    /** A folder that cannot be used for a reason of its own, said in full. */
    public OutputFolderException(String message) {
        super(message, null, false, false);
    }

    private static String why(Path folder, IOException cause) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return p.equals(folder) ? "it is a file, not a folder" : p + " is a file, not a folder";
            }
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a folder";
        }
        if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return String.valueOf(cause.getMessage());
    }
}
