package org.ssekit.jaxrs.internal;

import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Lets a sink's stream start writing once its resource method has returned. Until then the
 * stream only queues, so a method that registers the sink on a broadcaster is subscribed
 * before the client sees its first byte, and no event published meanwhile is missed.
 */
public final class SinkStarter implements ApplicationEventListener, RequestEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
        // Only request events matter.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        return this;
    }

    @Override
    public void onEvent(RequestEvent event) {
        if (event.getType() == RequestEvent.Type.RESOURCE_METHOD_FINISHED
                && event.getContainerRequest().getProperty(StreamSink.PROPERTY) instanceof StreamSink sink) {
            sink.begin();
        }
    }
}
