package dev.runtimeservice.agent.kendra.vfs;

/** A file that is not indexed on purpose (binary, too large, not a file); the others still are. */
class SkippedFileException extends RuntimeException {

    SkippedFileException(String reason) {
        super(reason, null, false, false);
    }
}
