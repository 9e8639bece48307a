package fr.guichet.benchmarks;

import io.javalin.Javalin;
import java.util.Map;

/** Workload 3's baseline: the same Javalin serving one trivial JSON route, started as the example server is. */
public final class TrivialServer {

    private TrivialServer() {
    }

    /** Listens on the port given as the only argument; {@code GET /ping} answers {@code {"pong":true}}. */
    public static void main(String[] args) {
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/ready", ctx -> ctx.json(Map.of("ready", true)));
            cfg.routes.get("/ping", ctx -> ctx.json(Map.of("pong", true)));
        }).start(Integer.parseInt(args[0]));
    }
}
