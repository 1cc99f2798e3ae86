package dev.lamina.runtime.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says why a file could not be written, naming it and what to do. The JDK's messages name no file
 * ("No space left on device") or only a file ({@link java.nio.file.NoSuchFileException}'s message is the
 * path), which is not enough to act on in the middle of a training run.
 */
final class WriteFailure {

    private WriteFailure() {}

    static String describe(Path target, IOException e) {
        String reason = reason(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
            return "cannot write " + target + ": the disk is full (" + reason + "; " + freeSpace(target.getParent())
                    + "); free space on that disk, or write to another folder";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("read-only file system")) {
            return "cannot write " + target + ": " + reason + "; make " + target.getParent()
                    + " writable, or write to another folder";
        }
        return "cannot write " + target + ": " + reason;
    }

    /** The JDK's reason without the paths it repeats; the exception's class when it has no message. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason();
            String kind = e.getClass().getSimpleName().replace("Exception", "");
            String files = fs.getFile() == null ? "" : " (" + fs.getFile()
                    + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ")";
            return (reason == null ? kind : reason) + files;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String freeSpace(Path directory) {
        try {
            return String.format(Locale.ROOT, "%,d bytes free there", Files.getFileStore(directory).getUsableSpace());
        } catch (IOException | RuntimeException e) {
            return "free space unknown";
        }
    }
}
