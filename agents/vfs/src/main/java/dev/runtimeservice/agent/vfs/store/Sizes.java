package dev.runtimeservice.agent.vfs.store;

import org.springframework.util.unit.DataSize;

/** Writes sizes for people: {@code 100 MB (104857600 bytes)}. */
public final class Sizes {

    private Sizes() {}

    /**
     * Describes a size in the largest whole unit and in bytes.
     *
     * @param size the size
     * @return such as {@code 1 GB (1073741824 bytes)}
     */
    public static String describe(DataSize size) {
        long bytes = size.toBytes();
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : value + " " + units[unit] + " (" + bytes + " bytes)";
    }
}
