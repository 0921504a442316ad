package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.kendra.vfs.VfsIngestResult.FailedFile;
import dev.runtimeservice.agent.kendra.vfs.VfsIngestResult.SkippedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files a request names, found through vfs: paths as given, folders expanded, glob matches; at most a limit. */
final class FileSelection {

    private static final String EVERYTHING = "**";

    private final VfsClient vfs;
    private final int maxFiles;
    private final Map<String, VfsClient.Entry> files = new LinkedHashMap<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<FailedFile> failed = new ArrayList<>();
    private boolean truncated;

    private FileSelection(VfsClient vfs, int maxFiles) {
        this.vfs = vfs;
        this.maxFiles = maxFiles;
    }

    /**
     * Finds the files of a request.
     *
     * @param vfs where to look
     * @param request the paths and glob
     * @param maxFiles the most files to select
     * @return the selection
     * @throws VfsAnswerException when vfs refuses the glob search (a bad glob, a missing folder)
     */
    static FileSelection of(VfsClient vfs, VfsIngestRequest request, int maxFiles) {
        FileSelection selection = new FileSelection(vfs, maxFiles);
        request.paths().forEach(selection::addPath);
        if (request.glob() != null) {
            selection.addSearch(request.folder(), request.glob());
        }
        return selection;
    }

    List<VfsClient.Entry> files() {
        return List.copyOf(files.values());
    }

    List<SkippedFile> skipped() {
        return skipped;
    }

    List<FailedFile> failed() {
        return failed;
    }

    boolean truncated() {
        return truncated;
    }

    private void addPath(String path) {
        VfsClient.Entry entry;
        try {
            entry = vfs.stat(path);
        } catch (VfsAnswerException e) {
            failed.add(new FailedFile(path, null, String.valueOf(e.getMessage())));
            return;
        }
        if ("folder".equals(entry.type())) {
            addSearch(entry.path(), EVERYTHING);
        } else {
            add(entry);
        }
    }

    private void addSearch(String folder, String glob) {
        int room = maxFiles - files.size();
        if (room <= 0) {
            truncated = true;
            return;
        }
        VfsClient.Found found = vfs.search(folder, glob, room);
        truncated |= found.truncated();
        for (VfsClient.Entry entry : found.entries()) {
            if ("link".equals(entry.type())) {
                addLink(entry);
            } else if (!"folder".equals(entry.type())) {
                add(entry);
            }
        }
    }

    // Searches never follow links; stat does, and vfs keeps links inside the sandbox.
    private void addLink(VfsClient.Entry link) {
        try {
            VfsClient.Entry target = vfs.stat(link.path());
            if (!"folder".equals(target.type())) {
                add(new VfsClient.Entry(link.path(), target.type(), target.size()));
            }
        } catch (VfsAnswerException e) {
            failed.add(new FailedFile(link.path(), null, String.valueOf(e.getMessage())));
        }
    }

    private void add(VfsClient.Entry entry) {
        if (!"file".equals(entry.type())) {
            skipped.add(new SkippedFile(entry.path(), "not a regular file (vfs type '" + entry.type() + "')"));
            return;
        }
        if (files.size() >= maxFiles && !files.containsKey(entry.path())) {
            truncated = true;
            return;
        }
        files.putIfAbsent(entry.path(), entry);
    }
}
