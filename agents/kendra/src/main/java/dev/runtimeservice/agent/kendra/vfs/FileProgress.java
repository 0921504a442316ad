package dev.runtimeservice.agent.kendra.vfs;

/** Told before each file of an ingest from vfs is read; answering false stops the ingest there. */
@FunctionalInterface
interface FileProgress {

    /** Follows nothing and never stops. */
    FileProgress NONE = (position, total, path) -> true;

    /**
     * @param position the file's position, from 1
     * @param total how many files were selected
     * @param path the file's vfs path
     * @return whether to go on
     */
    boolean next(int position, int total, String path);
}
