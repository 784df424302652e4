package io.github.memrayjvm.cli.it;

import java.io.IOException;
import java.net.ServerSocket;

/** A port nothing listens on right now. */
final class FreePort {

    private FreePort() {
    }

    static int find() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
