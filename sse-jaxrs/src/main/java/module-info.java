/**
 * ssekit for JAX-RS: the standard {@code jakarta.ws.rs.sse} API on the ssekit core.
 * Only {@link org.ssekit.jaxrs} is exported.
 */
module org.ssekit.jaxrs {
    requires transitive org.ssekit;
    requires transitive jakarta.ws.rs;
    requires jakarta.servlet;
    requires jakarta.annotation;
    // Jersey 3.1 jars carry no module name: these are their file-derived automatic names.
    requires jersey.server;
    requires jersey.common;

    exports org.ssekit.jaxrs;
}
