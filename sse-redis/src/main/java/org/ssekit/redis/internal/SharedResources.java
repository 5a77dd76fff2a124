package org.ssekit.redis.internal;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

/**
 * One set of Lettuce resources (its Netty event loops and timers) for every Redis log of the
 * JVM, as Lettuce recommends: a second broadcaster costs connections, not threads. Counted:
 * the last log to close shuts them down.
 */
final class SharedResources {
    private static ClientResources resources;
    private static int users;

    private SharedResources() {
    }

    static synchronized ClientResources acquire() {
        if (resources == null) {
            resources = DefaultClientResources.create();
        }
        users++;
        return resources;
    }

    static void release(ClientResources released) {
        ClientResources toShutDown = null;
        synchronized (SharedResources.class) {
            if (released != resources || users == 0) {
                return;
            }
            if (--users == 0) {
                toShutDown = resources;
                resources = null;
            }
        }
        if (toShutDown != null) {
            toShutDown.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
