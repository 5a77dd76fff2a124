/**
 * ssekit for JAX-RS: the standard {@code jakarta.ws.rs.sse} API on the ssekit core.
 * Only {@link org.ssekit.jaxrs} is exported.
 */
module org.ssekit.jaxrs {
    requires transitive org.ssekit;
    requires transitive jakarta.ws.rs;
    requires jakarta.servlet;
    requires jakarta.annotation;
    // Jersey 3.1 jars carry no module name (file-derived: jersey.server), Jersey 4 names its
    // modules (org.glassfish.jersey.core.server): the build fills in the one it compiles against.
    // Optional: without Jersey the feature registers its CORS filters only.
    requires static ${jersey-server.module};
    requires static ${jersey-common.module};

    exports org.ssekit.jaxrs;

    provides org.glassfish.jersey.internal.spi.AutoDiscoverable with org.ssekit.jaxrs.internal.FeatureDiscovery;
}
