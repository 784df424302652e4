package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.ProviderLoader;
import io.github.memrayjvm.api.Providers;
import io.github.memrayjvm.api.render.Renderer;
import io.github.memrayjvm.api.render.RendererContext;
import io.github.memrayjvm.api.render.RendererProvider;
import io.github.memrayjvm.api.session.RemoteSession;
import io.github.memrayjvm.api.transport.TransportProvider;
import io.github.memrayjvm.api.transport.ViewerLink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code memray live PORT}: connects to a program started with {@code memray run --live} (which
 * then starts) and shows it with a renderer until the user quits or, for non-interactive
 * renderers, the program ends.
 */
@Command(name = "live", sortOptions = false, usageHelpAutoWidth = true, 
        mixinStandardHelpOptions = true, versionProvider = Memray.Version.class,
        customSynopsis = "memray live [OPTIONS] PORT",
        description = "Watch a program started with 'memray run --live'.")
final class LiveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PORT", description = "The port 'memray run' printed.")
    int port;

    @Option(names = "--host", paramLabel = "HOST", description = "Where it runs (default: 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--renderer", paramLabel = "NAME",
            description = "text (full-screen view, default) or json (one object per snapshot).")
    String renderer = "text";

    @Option(names = "--renderer-option", paramLabel = "KEY=VALUE",
            description = "An option for the renderer, e.g. ascii=true for the text view (repeatable).")
    Map<String, String> rendererOptions = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up when nothing listens after this long (default: wait).")
    Double timeout;

    @Option(names = "--token", paramLabel = "SECRET",
            description = "The program's secret (default: $MEMRAY_LIVE_TOKEN).")
    String token;

    @Option(names = "--transport", paramLabel = "NAME", hidden = true)
    String transport = "tcp";

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "PORT must be from 1 to 65535, not " + port);
        }
        if (timeout != null && timeout < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout must not be negative");
        }
        ProviderLoader loader = ProviderLoader.serviceLoader(LiveCommand.class.getClassLoader());
        Renderer view = Providers.load(RendererProvider.class, "renderer", loader)
                .require(renderer)
                .create(new RendererContext(System.in, System.out, System.err, rendererOptions));
        TransportProvider tcp = Providers.load(TransportProvider.class, "transport", loader)
                .require(transport);
        String secret = token != null ? token
                : System.getenv().getOrDefault("MEMRAY_LIVE_TOKEN", "");
        ViewerLink link = ViewerConnector.connect(tcp, host, port, secret,
                timeout == null ? null : Duration.ofMillis((long) (timeout * 1000)), System.err);
        try (RemoteSession session = new RemoteSession(link)) {
            return view.render(session);
        }
    }
}
