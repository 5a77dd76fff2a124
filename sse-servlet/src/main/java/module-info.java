/**
 * ssekit: Server-Sent Events for Jakarta EE. {@link org.ssekit} is the container-neutral core,
 * {@link org.ssekit.servlet} the Servlet 6 binding.
 */
module org.ssekit {
    requires jakarta.servlet;
    requires java.management;
    requires java.naming;

    exports org.ssekit;
    exports org.ssekit.servlet;
    // The JAX-RS binding drives the same queue and heartbeat machinery.
    exports org.ssekit.internal to org.ssekit.jaxrs;
    exports org.ssekit.servlet.internal to org.ssekit.jaxrs;

    // Shared logs (sse-redis) plug in by configuration alone.
    uses org.ssekit.EventLogProvider;
}
