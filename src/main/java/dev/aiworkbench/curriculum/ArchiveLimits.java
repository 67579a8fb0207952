package dev.aiworkbench.curriculum;

/**
 * The bounds a pack's files must keep, so that a hostile zip or folder cannot exhaust the machine: how many files,
 * how large one may be, how large all of them together, and how far a zip entry may inflate beyond its compressed
 * size (a pack's text compresses a few times over; a zip bomb a thousand times). Entries up to
 * {@code ratioExemptBytes} may compress as well as they like, as a small file of repeated lines does.
 */
public record ArchiveLimits(int maxFiles, long maxEntryBytes, long maxTotalBytes, int maxRatio, long ratioExemptBytes) {
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(PackLocation.MAX_FILES,
            PackLocation.MAX_FILE_BYTES * 4, PackLocation.MAX_TOTAL_BYTES, 100, 100 * 1024);

    /** A byte count as people read it: whole megabytes or kilobytes where it is one, else bytes. */
    static String size(long bytes) {
        long mega = 1024 * 1024;
        if (bytes >= mega && bytes % mega == 0) {
            return bytes / mega + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
