/*
 * Copyright 2026 the ssekit authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.ssekit.jaxrs.internal;

import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Lets a sink's stream start writing once its resource method has returned. Until then the
 * stream only queues, so a method that registers the sink on a broadcaster is subscribed
 * before the client sees its first byte, and no event published meanwhile is missed. When
 * the method failed instead, the sink is closed, so no stream outlives the request unowned.
 */
public final class SinkStarter implements ApplicationEventListener, RequestEventListener {
    private static final System.Logger LOG = System.getLogger(SinkStarter.class.getName());

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
        RequestEvent.Type type = event.getType();
        if (type != RequestEvent.Type.RESOURCE_METHOD_FINISHED && type != RequestEvent.Type.ON_EXCEPTION) {
            return;
        }
        if (event.getContainerRequest().getProperty(StreamSink.PROPERTY) instanceof StreamSink sink) {
            if (type == RequestEvent.Type.RESOURCE_METHOD_FINISHED) {
                sink.begin();
            } else {
                LOG.log(System.Logger.Level.DEBUG, "closing the event stream of a failed resource method: {0}",
                        String.valueOf(event.getException()));
                sink.close();
            }
        }
    }
}
