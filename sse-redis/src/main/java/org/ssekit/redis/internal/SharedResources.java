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
