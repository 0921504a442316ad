package dev.runtimeservice.manager.streaming;

import dev.runtimeservice.manager.scheduling.PeriodicTask;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The manager's open long answers: it opens them, wakes them when their sources have something new, ticks them (a
 * followed log file is read on each tick, and an idle event stream gets a heartbeat now and then) and ends them all
 * before the web server's graceful shutdown, which would otherwise wait for them. Waking only schedules work on one
 * thread of its own, so whoever has news (an agent's state change) never waits for a client.
 */
@Component
public class StreamHub implements SmartLifecycle {

    private final StreamingProperties properties;
    private final Set<OpenStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final AtomicLong opened = new AtomicLong();
    private final PeriodicTask ticking;
    private long ticks;

    StreamHub(StreamingProperties properties) {
        this.properties = properties;
        this.ticking = new PeriodicTask("streams", properties.tick(), this::tick);
    }

    /**
     * Turns this request into a long answer fed by {@code source}; the request's thread is free as soon as it
     * returns. The status and content type must be set already.
     *
     * @throws TooManyStreamsException when {@code runtime.streaming.max-streams} answers are open already
     */
    public void open(HttpServletRequest request, HttpServletResponse response, StreamSource source) throws IOException {
        if (streams.size() >= properties.maxStreams()) {
            source.close();
            throw new TooManyStreamsException(properties.maxStreams());
        }
        response.setHeader("Cache-Control", "no-store");
        // Proxies such as nginx would otherwise hold the answer back until it ends.
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        ServletOutputStream out = response.getOutputStream();
        OpenStream[] holder = new OpenStream[1];
        OpenStream stream = new OpenStream(async, out, source, () -> streams.remove(holder[0]));
        holder[0] = stream;
        async.addListener(stream);
        out.setWriteListener(stream);
        // Only now may the hub's thread pump it: before its write listener is set, the container refuses isReady
        // with an exception, which ended the stream and failed the request. It may have ended already (a client
        // gone at once), and then it must not stay in the set.
        streams.add(stream);
        opened.incrementAndGet();
        if (stream.isEnded()) {
            streams.remove(stream);
        }
    }

    /** Has every stream send what its source has now, soon, on the hub's thread; many calls make one pass. */
    public void wake() {
        if (ticking.isRunning() && wakeScheduled.compareAndSet(false, true)) {
            ticking.runSoon(() -> {
                wakeScheduled.set(false);
                pumpAll();
            });
        }
    }

    /** How many long answers are open. */
    public int openStreams() {
        return streams.size();
    }

    /** How many long answers have been opened since the manager started. */
    public long streamsOpened() {
        return opened.get();
    }

    private void pumpAll() {
        for (OpenStream stream : List.copyOf(streams)) {
            try {
                stream.pump();
            } catch (RuntimeException e) {
                stream.end(); // one broken stream never stops the others, nor the hub's ticks
            }
        }
    }

    private void tick() {
        ticks++;
        long heartbeatTicks = Math.max(
                1,
                properties.heartbeat().toMillis()
                        / Math.max(1, properties.tick().toMillis()));
        if (ticks % heartbeatTicks == 0) {
            streams.forEach(OpenStream::heartbeat);
        }
        pumpAll();
    }

    @Override
    public void start() {
        wakeScheduled.set(false); // a wake asked for while the hub stopped never ran
        ticking.start();
    }

    /** Ends every open answer, so that the graceful shutdown of the web server does not wait for them. */
    @Override
    public void stop() {
        ticking.stop();
        List.copyOf(streams).forEach(OpenStream::end);
    }

    @Override
    public boolean isRunning() {
        return ticking.isRunning();
    }

    /** Stopped before the web server's graceful shutdown (phase {@code Integer.MAX_VALUE - 1024}) begins. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
