package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.transport.ClientConfig;
import io.github.memrayjvm.api.transport.RefusedException;
import io.github.memrayjvm.api.transport.TransportProvider;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Connects a viewer, waiting (with one visible message) while nothing listens yet, as the
 * reference tool does, until it connects or the timeout passes. Every failure becomes a
 * {@link MemrayException} with a message for the user.
 */
final class ViewerConnector {

    private static final Duration RETRY = Duration.ofMillis(200);
    private static final Duration HANDSHAKE = Duration.ofSeconds(5);
    private static final int QUEUE = 256;

    private ViewerConnector() {
    }

    /**
     * @param timeout how long to wait for something to listen, or {@code null} for ever
     */
    static ViewerLink connect(TransportProvider transport, String host, int port, String token,
                              Duration timeout, PrintStream err) throws InterruptedException {
        String where = host + ":" + port;
        Greeting greeting = new Greeting(WireCodec.PROTOCOL_VERSION, token, "memray-cli");
        ClientConfig config = new ClientConfig(host, port, greeting, HANDSHAKE, QUEUE);
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            try {
                return transport.connect(config);
            } catch (ConnectException e) {
                if (System.nanoTime() >= deadline) {
                    throw new MemrayException("nothing is listening on " + where
                            + (timeout == null ? "" : " (waited " + timeout.toSeconds() + " s)")
                            + "; is 'memray run --live' running there?");
                }
                if (!told) {
                    err.println("memray: waiting for 'memray run --live' to listen on " + where
                            + " (Ctrl-C to stop)");
                    err.flush();
                    told = true;
                }
                Thread.sleep(RETRY.toMillis());
            } catch (RefusedException e) {
                throw new MemrayException("the program at " + where + " refused this viewer: "
                        + e.getMessage(), e);
            } catch (WireFormatException e) {
                throw new MemrayException(e.getMessage(), e);
            } catch (UnknownHostException e) {
                throw new MemrayException("unknown host '" + host + "'", e);
            } catch (IOException e) {
                throw new MemrayException("cannot connect to " + where + ": " + e.getMessage(), e);
            }
        }
    }
}
