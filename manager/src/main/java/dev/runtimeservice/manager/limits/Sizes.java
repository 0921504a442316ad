package dev.runtimeservice.manager.limits;

/** Byte counts as {@code agent.yml} writes them. */
public final class Sizes {

    private Sizes() {}

    /** 268435456 as 256Mi; a count that is no whole number of KiB, MiB or GiB stays in bytes. */
    public static String text(long bytes) {
        String[] units = {"Gi", "Mi", "Ki"};
        int[] shifts = {30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= (1L << shifts[i]) && bytes % (1L << shifts[i]) == 0) {
                return (bytes >> shifts[i]) + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
