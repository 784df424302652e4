package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The messages a viewer has received and not yet taken, with backpressure: once
 * {@code capacity} messages wait, the connection stops reading from its socket (Netty's
 * auto-read off), so the tracked side's sends back up into its own bounded buffer; reading
 * resumes when fewer than half wait. The messages of the socket read under way when the limit
 * is reached still come in, so the queue may exceed {@code capacity} by one read's worth.
 *
 * <p>When the connection ends, an {@link End} is queued last (the tracked side's, or one made
 * here) and {@link #poll} returns it for ever after.
 *
 * <p>Threading: {@link #add} and {@link #attach} on the connection's event loop, {@link #end}
 * there or (as a fallback when closing) on the closing thread, {@link #poll} on one consumer
 * thread; nothing is queued after the end. The pause flag and the queue's size are each read after
 * the other is written, by both sides, so a pause cannot miss the consumer's draining.
 */
final class InboundQueue {

    private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    private final int capacity;
    private final AtomicBoolean resumeScheduled = new AtomicBoolean();
    private volatile Channel channel;
    private volatile boolean paused;
    private volatile long lastSample;
    private volatile End end;

    InboundQueue(int capacity) {
        this.capacity = capacity;
    }

    /** The connection whose reading this queue controls. */
    void attach(Channel connection) {
        this.channel = connection;
    }

    /**
     * Queues a received message (ignored after the end); pauses reading when the queue is full.
     * Event loop only.
     */
    synchronized void add(Message message) {
        if (end != null) {
            return;
        }
        if (message instanceof Sample sample) {
            lastSample = sample.sample();
        }
        queue.add(message);
        if (!paused && queue.size() >= capacity) {
            paused = true;
            channel.config().setAutoRead(false);
            resumeIfDrained(); // the consumer may have drained meanwhile
        }
    }

    /**
     * Queues the last message; later messages and ends are ignored. Returns {@code false} if
     * an end was queued before.
     */
    synchronized boolean end(End last) {
        if (end != null) {
            return false;
        }
        // the field first: once the consumer has taken the end from the queue, it must find it
        // here (it may take it here first, when the queue is empty, and again from the queue)
        end = last;
        queue.add(last);
        return true;
    }

    /** An end saying the connection was lost, and why. */
    End lost(String why) {
        return new End(lastSample, "connection lost: " + why);
    }

    /** {@code true} once the end is queued. */
    boolean ended() {
        return end != null;
    }

    /**
     * The next message, waiting up to {@code timeout}; after the end, the end again.
     *
     * @return {@code null} if nothing came in time
     */
    Message poll(Duration timeout) throws InterruptedException {
        Message next = queue.poll();
        if (next == null) {
            End last = end;
            next = last != null ? last : queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        resumeIfDrained();
        return next != null ? next : end;
    }

    /** How many messages wait (for tests and diagnostics). */
    int size() {
        return queue.size();
    }

    private void resumeIfDrained() {
        Channel connection = channel;
        if (!paused || connection == null || !connection.isOpen() || !drained()
                || !resumeScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            connection.eventLoop().execute(() -> {
                resumeScheduled.set(false);
                if (paused && drained()) {
                    paused = false;
                    connection.config().setAutoRead(true);
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // the connection is over: nothing more to read
        }
    }

    private boolean drained() {
        return queue.size() * 2L < capacity;
    }
}
