package com.akoolnarrator.settings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import com.akoolnarrator.storage.BucketAddress;

/**
 * Where a run's output goes: a folder, or a bucket ({@code s3://BUCKET/PREFIX}) with a local state folder beside it.
 * Every step works in {@link #folder()}: the output folder itself, or, for a bucket, the folder that holds the job's
 * database and the files only as long as they wait to be stored.
 *
 * @param bucket null for a folder
 */
public record OutputLocation(Path folder, BucketAddress bucket) {

    public OutputLocation {
        folder = folder.toAbsolutePath().normalize();
    }

    /**
     * {@code given} read as a folder or a bucket; a bucket's state folder is {@code stateDir} when given, else one per
     * bucket and prefix under the user's state folder ({@code $XDG_STATE_HOME}, else {@code ~/.local/state}).
     */
    public static OutputLocation of(String setting, String given, Path stateDir) {
        SettingCheck.present(setting, given);
        if (!BucketAddress.isBucket(given)) {
            return new OutputLocation(SettingCheck.folder(setting, Path.of(given)), null);
        }
        BucketAddress bucket;
        try {
            bucket = BucketAddress.parse(given.substring(0, BucketAddress.SCHEME.length()).toLowerCase(Locale.ROOT)
                    + given.substring(BucketAddress.SCHEME.length()));
        }
        catch (IllegalArgumentException e) {
            throw new SettingCheck.InvalidSettingException(setting, given, "a folder or s3://BUCKET/PREFIX (" + e.getMessage() + ")");
        }
        Path state = stateDir != null ? SettingCheck.folder("narrator.state-dir", stateDir) : defaultStateFolder(bucket);
        return new OutputLocation(state, bucket);
    }

    public boolean isBucket() {
        return bucket != null;
    }

    /** How a person names it: the folder, or the bucket and prefix. */
    public String describe() {
        return isBucket() ? bucket.toString() : folder.toString();
    }

    private static Path defaultStateFolder(BucketAddress bucket) {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        // one folder per prefix, never inside another's: the prefix encoded whole, its slashes included
        String prefix = bucket.prefix().isEmpty() ? "(root)" : URLEncoder.encode(bucket.prefix(), StandardCharsets.UTF_8);
        return base.resolve("akool-narrator").resolve(bucket.bucket()).resolve(prefix);
    }
}
