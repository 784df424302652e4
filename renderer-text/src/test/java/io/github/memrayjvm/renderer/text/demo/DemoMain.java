package io.github.memrayjvm.renderer.text.demo;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.render.Renderer;
import io.github.memrayjvm.api.render.RendererContext;
import io.github.memrayjvm.renderer.text.TextRendererProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the {@code text} renderer on a made-up, evolving session, to look at the live view in a
 * real terminal without a tracked program:
 *
 * <pre>
 * java -cp ... io.github.memrayjvm.renderer.text.demo.DemoMain [--end-after SECONDS] [--ascii]
 * </pre>
 *
 * The program "ends" after the given seconds (the view then says that the remote has
 * disconnected); {@code q} leaves.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        long endAfterMillis = Long.MAX_VALUE;
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--end-after" -> endAfterMillis = (long) (Double.parseDouble(args[++i]) * 1000);
                case "--ascii" -> options.put(TextRendererProvider.ASCII_OPTION, "true");
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Renderer renderer;
        try {
            renderer = new TextRendererProvider().create(
                    new RendererContext(System.in, System.out, System.err, options));
        } catch (MemrayException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (DemoSession session = new DemoSession(endAfterMillis)) {
            int status = renderer.render(session);
            System.out.println("demo: the view returned " + status);
            System.exit(status);
        }
    }
}
