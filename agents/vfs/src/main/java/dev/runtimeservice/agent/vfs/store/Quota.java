package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.StorageFullException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.unit.DataSize;

/** The size limit of the data root: bytes are reserved while written and released when deleted. */
public final class Quota {

    private final DataSize limit;
    private final AtomicLong used;

    /**
     * Creates the quota.
     *
     * @param limit the most the data root may hold
     * @param used what it holds now
     */
    public Quota(DataSize limit, long used) {
        this.limit = limit;
        this.used = new AtomicLong(used);
    }

    /**
     * Reserves bytes for a write, or refuses them.
     *
     * @param bytes how many more bytes the write needs
     * @throws StorageFullException when they would take the root past its limit; nothing is reserved
     */
    public void reserve(long bytes) {
        long after = used.addAndGet(bytes);
        if (after > limit.toBytes()) {
            used.addAndGet(-bytes);
            throw new StorageFullException(("The data root is limited to %s and holds %d bytes; this write "
                            + "needs more. Delete files or raise VFS_MAX_ROOT_SIZE.")
                    .formatted(Sizes.describe(limit), after - bytes));
        }
    }

    /**
     * Gives bytes back, after a delete, a replaced file or a failed write.
     *
     * @param bytes how many bytes are free again
     */
    public void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /**
     * Returns the bytes in use.
     *
     * @return the bytes in use, including writes in progress
     */
    public long used() {
        return used.get();
    }

    /**
     * Returns the limit.
     *
     * @return the most the data root may hold
     */
    public DataSize limit() {
        return limit;
    }
}
