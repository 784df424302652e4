package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.ProviderLoader;
import io.github.memrayjvm.api.Providers;
import io.github.memrayjvm.api.agent.AgentOptions;
import io.github.memrayjvm.api.render.Renderer;
import io.github.memrayjvm.api.render.RendererContext;
import io.github.memrayjvm.api.render.RendererProvider;
import io.github.memrayjvm.api.session.RemoteSession;
import io.github.memrayjvm.api.transport.TransportProvider;
import io.github.memrayjvm.api.transport.ViewerLink;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code memray demo}: both halves in one terminal. Runs the bundled demo program under live
 * tracking with its output going to a file, and the viewer in the foreground; quitting the viewer
 * stops the demo.
 */
@Command(name = "demo", sortOptions = false, usageHelpAutoWidth = true, 
        mixinStandardHelpOptions = true, versionProvider = Memray.Version.class,
        description = "Run the bundled demo program under live tracking and watch it here.")
final class DemoCommand implements Callable<Integer> {

    private static final String DEMO_MAIN = "io.github.memrayjvm.examples.Demo";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--seconds", paramLabel = "N", description = "How long the demo runs (default: 60).")
    int seconds = 60;

    @Option(names = "--renderer", paramLabel = "NAME", description = "text (default) or json.")
    String renderer = "text";

    @Option(names = "--native", description = "Also track native (malloc) memory.")
    boolean nativeTracking;

    @Option(names = "--tracker", paramLabel = "NAME", split = ",",
            description = "Tracker(s) to run (default: the best Java-heap tracker available).")
    List<String> trackers = List.of();

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where the demo's own output goes (default: memray-demo.log here).")
    File output = new File("memray-demo.log");

    @Override
    public Integer call() throws Exception {
        ProviderLoader loader = ProviderLoader.serviceLoader(DemoCommand.class.getClassLoader());
        Renderer view = Providers.load(RendererProvider.class, "renderer", loader)
                .require(renderer)
                .create(new RendererContext(System.in, System.out, System.err, Map.of()));
        TransportProvider tcp = Providers.load(TransportProvider.class, "transport", loader)
                .require("tcp");
        Path portFile = Files.createTempFile("memray-demo", ".port");
        Files.delete(portFile);
        Files.writeString(output.toPath(), "");
        NativePreload preload = nativeTracking ? NativePreload.forRun(false, System.err)
                : NativePreload.NONE;
        Process demo = ProgramProcess.start(launch(portFile, preload).command(),
                preload.environment(), output);
        try {
            System.err.println("memray: the demo's own output goes to " + output);
            int port = awaitPort(portFile, demo);
            ViewerLink link = ViewerConnector.connect(tcp, "127.0.0.1", port, "",
                    Duration.ofSeconds(10), System.err);
            try (RemoteSession session = new RemoteSession(link)) {
                return view.render(session);
            }
        } finally {
            stop(demo);
            Files.deleteIfExists(portFile);
        }
    }

    private JavaLaunch launch(Path portFile, NativePreload preload) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(AgentOptions.PORT_FILE, portFile.toString());
        options.put(AgentOptions.COMMAND, "memray demo (" + DEMO_MAIN + " " + seconds + ")");
        if (!trackers.isEmpty()) {
            options.put(AgentOptions.TRACKERS, String.join(",", trackers));
        }
        if (nativeTracking) {
            options.put(AgentOptions.NATIVE, "true");
        }
        return new JavaLaunch(JavaLaunch.currentJava(), preload.jvmOptions(),
                Bundled.file(Bundled.AGENT),
                AgentOptions.of(options), Bundled.file(Bundled.EXAMPLES).toString(), DEMO_MAIN,
                null, List.of(Integer.toString(seconds)));
    }

    private int awaitPort(Path portFile, Process demo) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(portFile)) {
                return Integer.parseInt(Files.readString(portFile).trim());
            }
            if (!demo.isAlive()) {
                throw new MemrayException("the demo ended before it was ready (exit status "
                        + demo.exitValue() + "); see " + output);
            }
            Thread.sleep(50);
        }
        throw new MemrayException("the demo did not start within " + START_TIMEOUT.toSeconds()
                + " s; see " + output);
    }

    private static void stop(Process demo) throws InterruptedException {
        if (demo.isAlive()) {
            demo.destroy();
            if (!demo.waitFor(5, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }
}
