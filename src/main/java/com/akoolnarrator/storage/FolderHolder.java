package com.akoolnarrator.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;


/**
 * Who is working in an output folder: the running process writes {@code .narrator/holder.properties} (host, process
 * id, since when) when it starts and removes it when it ends, so that status and a second run can name it.
 */
public final class FolderHolder {

    private static final String FILE = "holder.properties";

    private FolderHolder() {
    }

    /** The holder of a folder: a process on a host, since a time. */
    public record Holder(String host, long pid, String since) {

        /** Whether it is this machine's process and still runs (a killed run leaves its file behind). */
        public boolean alive() {
            return !host.equals(thisHost()) || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        @Override
        public String toString() {
            return "process " + pid + " on " + host + ", since " + since;
        }
    }

    public static void claim(Path outputFolder, Clock clock) {
        Path file = file(outputFolder);
        Properties holder = new Properties();
        holder.setProperty("host", thisHost());
        holder.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        holder.setProperty("since", clock.instant().toString());
        try (AtomicFile staged = AtomicFile.beside(file); Writer out = staged.writer()) {
            holder.store(out, "the akool-narrator process working in this folder");
            out.close();
            staged.publish();
        }
        catch (IOException e) {
            // naming the holder is a courtesy: the job database's own lock is what keeps a second run out
        }
    }

    /**
     * Removes this process's claim on the folder; a claim of another process is left alone (a run refused because
     * another holds the folder must not unname the holder).
     */
    public static void release(Path outputFolder) {
        boolean ours = of(outputFolder).filter(holder -> holder.host().equals(thisHost())
                && holder.pid() == ProcessHandle.current().pid()).isPresent();
        if (!ours) {
            return;
        }
        try {
            Files.deleteIfExists(file(outputFolder));
        }
        catch (IOException e) {
            // a stale file names a dead process, which readers recognise
        }
    }

    /** The live holder of the folder, if any. */
    public static Optional<Holder> of(Path outputFolder) {
        Path file = file(outputFolder);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties holder = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            holder.load(in);
            Holder found = new Holder(holder.getProperty("host", "?"), Long.parseLong(holder.getProperty("pid", "-1")),
                    holder.getProperty("since", "?"));
            return found.alive() ? Optional.of(found) : Optional.empty();
        }
        catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path file(Path outputFolder) {
        return outputFolder.toAbsolutePath().normalize().resolve(OutputFolder.STATE_FOLDER).resolve(FILE);
    }

    /** This machine's name, as holders name themselves. */
    public static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException e) {
            return "localhost";
        }
    }
}
