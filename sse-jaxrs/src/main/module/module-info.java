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
    // Optional: without Jersey or RESTEasy the feature registers its CORS filters only.
    requires static ${jersey-server.module};
    requires static ${jersey-common.module};
    // RESTEasy 6.2 jars carry no module name either (resteasy.core, resteasy.core.spi).
    // Optional: only the RESTEasy integration names its types, after finding them visible.
    requires static ${resteasy-core.module};
    requires static ${resteasy-core-spi.module};

    exports org.ssekit.jaxrs;

    provides org.glassfish.jersey.internal.spi.AutoDiscoverable with org.ssekit.jaxrs.internal.FeatureDiscovery;
}
