package org.ssekit.example;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The example WAR on embedded Jetty 12 (ee10), deployed from the exploded WAR in target/.
 * {@code main} is what {@code mvn -Prun verify} runs; the ITs start it on port 0.
 */
public final class ExampleServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private ExampleServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the WAR on {@code localhost:port} (0 picks a free port). The demo CORS allowlist
     * becomes {@code http://127.0.0.1:<port>} (the second origin) plus {@code extraOrigins}.
     */
    public static ExampleServer start(int port, String... extraOrigins) throws Exception {
        Path webapp = webapp();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        // Browsers reach http://localhost:<port> on 127.0.0.1 too; the second origin is 127.0.0.1.
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        // Bound before the WAR starts, so the allowlist can name the real port.
        connector.open();
        int bound = connector.getLocalPort();
        StringBuilder origins = new StringBuilder("http://localhost:" + bound + ", http://127.0.0.1:" + bound);
        for (String o : extraOrigins) {
            origins.append(", ").append(o);
        }
        System.setProperty(ExampleApp.CORS_PROPERTY, origins.toString());
        server.addConnector(connector);

        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setWar(webapp.toString());
        context.setThrowUnavailableOnStartupException(true);
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        return new ExampleServer(server, connector);
    }

    private static Path webapp() {
        String dir = System.getProperty("example.webapp", "target/war-example-0.1.0-SNAPSHOT");
        Path path = Path.of(dir);
        if (!Files.isDirectory(path.resolve("WEB-INF"))) {
            throw new IllegalStateException("no exploded WAR at " + path.toAbsolutePath()
                    + ": build it first (mvn package) or set -Dexample.webapp");
        }
        return path;
    }

    /**
     * Serves the same WAR on one more port of 127.0.0.1, an origin that is not on the
     * allowlist; returns the port.
     */
    public int openExtraPort() throws Exception {
        ServerConnector extra = new ServerConnector(server);
        extra.setHost("127.0.0.1");
        server.addConnector(extra);
        extra.start();
        return extra.getLocalPort();
    }

    /** {@code http://localhost:<port>/}. */
    public URI uri() {
        return URI.create("http://localhost:" + connector.getLocalPort() + "/");
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Held so that the level set in {@link #main} stays (loggers are weakly referenced). */
    private static final java.util.logging.Logger JERSEY_LOG = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    public static void main(String[] args) throws Exception {
        // Jersey warns at startup about optional parts it does not find (JAXB, activation);
        // they are not needed here, and the console should show the address first.
        JERSEY_LOG.setLevel(java.util.logging.Level.SEVERE);
        int port = Integer.parseInt(System.getProperty("port", "8080"));
        ExampleServer example = start(port);
        String banner = "ssekit example running at " + example.uri() + " (Ctrl-C to stop)";
        System.out.println(banner);
        example.server.join();
    }
}
