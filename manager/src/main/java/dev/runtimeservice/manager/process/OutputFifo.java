package dev.runtimeservice.manager.process;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The named pipe an agent writes its output to. Unlike an anonymous pipe it can be opened again by path, so a
 * manager started after a crash reads the output of the agents it takes over. Opening a FIFO blocks until the
 * other end is opened too, so the manager opens its reading end on a thread of its own and gives up after a
 * timeout, releasing that thread by opening the writing end itself.
 */
final class OutputFifo {

    private static final Path MKFIFO = Path.of("/usr/bin/mkfifo");

    private OutputFifo() {}

    /** Makes a new FIFO readable and writable by its owner only, replacing whatever had the name. */
    static void create(Path fifo) throws IOException {
        Files.createDirectories(fifo.getParent());
        Files.deleteIfExists(fifo);
        Process mkfifo = new ProcessBuilder(MKFIFO.toString(), "-m", "600", fifo.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(mkfifo.getInputStream().readAllBytes()).strip();
        try {
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                mkfifo.destroyForcibly();
                throw new IOException("mkfifo " + fifo + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while making " + fifo, e);
        }
    }

    /** Starts opening the reading end; it completes once a writer has the FIFO open. */
    static CompletableFuture<InputStream> openReader(Path fifo, String agent) {
        CompletableFuture<InputStream> reader = new CompletableFuture<>();
        Thread opener = new Thread(
                () -> {
                    try {
                        reader.complete(new FileInputStream(fifo.toFile()));
                    } catch (IOException | RuntimeException e) {
                        reader.completeExceptionally(e);
                    }
                },
                "output-open-" + agent);
        opener.setDaemon(true);
        opener.start();
        return reader;
    }

    /** The reading end once it is open, or empty if no writer opened the FIFO within {@code timeout}. */
    static Optional<InputStream> await(CompletableFuture<InputStream> reader, Path fifo, Duration timeout) {
        try {
            return Optional.of(reader.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            release(reader, fifo);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(reader, fifo);
            return Optional.empty();
        }
    }

    /** Unblocks a reader still waiting for a writer: this writer pairs with it and closes at once. */
    static void release(CompletableFuture<InputStream> reader, Path fifo) {
        if (!reader.isDone()) {
            try (FileOutputStream writer = new FileOutputStream(fifo.toFile())) {
                writer.flush();
            } catch (IOException e) {
                reader.completeExceptionally(e);
            }
        }
        reader.thenAccept(stream -> {
            try {
                stream.close();
            } catch (IOException e) {
                // Nothing was read from it; closing is all that is left to do.
            }
        });
    }
}
