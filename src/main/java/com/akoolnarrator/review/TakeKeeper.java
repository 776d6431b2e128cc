package com.akoolnarrator.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

/**
 * The redo step's processor: the take sent back keeps its bytes under its own name ({@code <stem>.take<N><ext>}), so
 * that the next take's download never writes over it. Moved before the ledger records the new take: a crash between
 * the two leaves the take kept and still sent back, and the step, run again, finds it kept and goes on.
 */
class TakeKeeper implements ItemProcessor<SentBack, KeptTake> {

    private final OutputFolder folder;

    TakeKeeper(OutputFolder folder) {
        this.folder = folder;
    }

    @Override
    public KeptTake process(SentBack take) throws IOException {
        Path current = folder.resolve(take.file());
        Path kept = folder.resolve(take.keptFile());
        if (Files.exists(kept)) {
            if (take.sha256() != null && take.sha256().equals(Sha256.ofFile(kept))) {
                return new KeptTake(take, take.keptFile()); // moved by an execution that stopped before recording it
            }
            throw new TakeNotKeptException("cannot keep take " + take.take() + " of row '" + take.rowId() + "' as "
                    + kept + ": another file is there already; move it away and run the same command again");
        }
        if (!Files.exists(current)) {
            return new KeptTake(take, null); // gone before the redo: nothing to keep, the row is narrated again all the same
        }
        Files.move(current, kept, StandardCopyOption.ATOMIC_MOVE);
        return new KeptTake(take, take.keptFile());
    }

    /** A take that cannot be kept without writing over a file the job did not put there: the step stops. */
    static final class TakeNotKeptException extends IllegalStateException {

        TakeNotKeptException(String message) {
            super(message);
        }
    }
}
