package io.github.memrayjvm.agent;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.ProviderLoader;
import io.github.memrayjvm.api.Providers;
import io.github.memrayjvm.api.agent.AgentOptions;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import io.github.memrayjvm.api.transport.ServerConfig;
import io.github.memrayjvm.api.transport.TransportProvider;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.wire.End;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * memray inside the tracked JVM, from start-up to the program's exit: chooses and starts the
 * trackers, listens for viewers, holds {@code main} until the first one connects, ships
 * snapshots, and at exit sends the last snapshot and says goodbye, without delaying the exit by
 * more than a bounded moment.
 */
final class AgentRuntime {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_INTERVAL_MILLIS = 250;
    private static final Duration CLOSE_BUDGET = Duration.ofMillis(1000);
    private static final long FINAL_WRITE_MILLIS = 1000;
    /** A viewer that read nothing this long gives its place to a new one. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(30);

    private final AgentOptions options;
    private final AgentLog log;
    private final AgentThreads threads;
    private final Recorder recorder = new Recorder();
    private final CountDownLatch viewerConnected = new CountDownLatch(1);
    private RunningTrackers trackers;
    private TransportServer server;
    private Viewers viewers;
    private Snapshotter snapshotter;
    private HeapGauge heap;
    private final CompletableFuture<SessionInfo> sessionInfo = new CompletableFuture<>();
    private volatile boolean shutDown;

    AgentRuntime(AgentOptions options, AgentLog log, AgentThreads threads) {
        this.options = options;
        this.log = log;
        this.threads = threads;
    }

    /**
     * Starts everything and, unless {@code wait=false}, returns only once a viewer is connected.
     *
     * @throws MemrayException for anything the user must fix (message for the user)
     */
    void start() throws InterruptedException {
        int port = options.getInt(AgentOptions.PORT, 0, 0, 65535);
        String host = options.get(AgentOptions.HOST, DEFAULT_HOST);
        int interval = options.getInt(AgentOptions.INTERVAL, DEFAULT_INTERVAL_MILLIS, 10, 60_000);
        int maxViewers = options.getInt(AgentOptions.VIEWERS, 1, 1, 1000);
        boolean wait = options.getBoolean(AgentOptions.WAIT, true);
        String token = options.get(AgentOptions.TOKEN,
                System.getenv().getOrDefault("MEMRAY_LIVE_TOKEN", ""));

        ProviderLoader loader = ProviderLoader.serviceLoader(classLoader());
        TransportProvider transport = Providers.load(TransportProvider.class, "transport", loader)
                .require(options.get(AgentOptions.TRANSPORT, "tcp"));
        viewers = new Viewers(recorder, sessionInfo, token, maxViewers, log,
                viewerConnected::countDown, System::nanoTime, STALL_LIMIT);
        // the transport starts while the trackers are chosen and created: start-up is the
        // longer of the two, not their sum
        CompletableFuture<TransportServer> listening = new CompletableFuture<>();
        threads.newThread("listen", () -> {
            try {
                listening.complete(transport.listen(new ServerConfig(host, port,
                        threads.factory("transport"), Duration.ofSeconds(5)), viewers));
            } catch (Throwable e) {
                listening.completeExceptionally(e);
            }
        }).start();
        try {
            TrackerChoice choice = TrackerChoice.of(
                    Providers.load(TrackerProvider.class, "tracker", loader), trackerNames(),
                    options.getBoolean(AgentOptions.NATIVE, false),
                    options.getBoolean(AgentOptions.STRICT, false));
            choice.warnings().forEach(log::line);
            trackers = RunningTrackers.create(choice.chosen(), recorder, options.asMap(),
                    threads, log);
            heap = new HeapGauge();
            sessionInfo.complete(recorder.sessionInfo(ProcessHandle.current().pid(), command(),
                    System.getProperty("java.version", "?"), System.currentTimeMillis(),
                    interval, trackers.descriptors()));
        } catch (RuntimeException e) {
            sessionInfo.completeExceptionally(e);
            listening.thenAccept(TransportServer::close);
            throw e;
        }
        try {
            server = listening.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                String problem = String.valueOf(cause.getMessage());
                throw new MemrayException(problem.startsWith("cannot listen on") ? problem
                        : "cannot listen on " + host + ":" + port + ": " + problem, cause);
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
        Runtime.getRuntime().addShutdownHook(threads.newThread("shutdown", this::shutdown));
        InetSocketAddress bound = server.localAddress();
        announce(host, bound.getPort(), !token.isEmpty());

        trackers.startAll();
        if (wait) {
            viewerConnected.await();
        }
        long startNanos = System.nanoTime();
        snapshotter = new Snapshotter(recorder, heap, trackers, viewers, startNanos, interval,
                threads);
        snapshotter.start();
    }

    private void announce(String host, int port, boolean tokenRequired) {
        String portFile = options.get(AgentOptions.PORT_FILE, "");
        if (!portFile.isEmpty()) {
            writePortFile(Paths.get(portFile), port);
        }
        if (!isLoopback(host)) {
            log.line("listening on " + host + ":" + port + ", not only on this machine: "
                    + (tokenRequired ? "viewers must present the token"
                    : "anyone who can reach it can watch; require a secret with --live-token"));
        }
        String hostPart = host.equals(DEFAULT_HOST) ? "" : " --host " + host;
        log.raw("Run 'memray live " + port + hostPart + "' in another shell to see live results");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static void writePortFile(Path file, int port) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Integer.toString(port), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MemrayException("cannot write the port file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private List<String> trackerNames() {
        String names = options.get(AgentOptions.TRACKERS, "").trim();
        if (names.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private ClassLoader classLoader() {
        ClassLoader own = AgentRuntime.class.getClassLoader();
        String path = options.get(AgentOptions.TRACKER_PATH, "");
        if (path.isEmpty()) {
            return own;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path jar = Paths.get(entry);
            if (!Files.isRegularFile(jar)) {
                throw new MemrayException("tracker path entry " + entry + " is not a file");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MemrayException("bad tracker path entry " + entry, e);
            }
        }
        return new URLClassLoader("memray-tracker-path", urls.toArray(URL[]::new), own);
    }

    private String command() {
        String command = options.get(AgentOptions.COMMAND, "");
        if (command.isEmpty()) {
            command = System.getProperty("sun.java.command", "");
        }
        if (command.isEmpty()) {
            command = ProcessHandle.current().info().commandLine().orElse("java");
        }
        return command.length() > 4096 ? command.substring(0, 4096) + "..." : command;
    }

    /** At the program's exit: last snapshot to every viewer, then goodbye; bounded. */
    void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        if (snapshotter != null) {
            snapshotter.stop(200);
        }
        if (trackers != null) {
            trackers.closeAll(CLOSE_BUDGET);
        }
        if (viewers != null && snapshotter != null && viewers.anyone()) {
            snapshotter.snapshot();
            try {
                viewers.finish(new End(recorder.sample(), "program exited"))
                        .get(FINAL_WRITE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // the viewer is gone or too slow; the program's exit comes first
            }
        }
        if (server != null) {
            server.close();
        }
    }
}
