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
package org.ssekit.servlet.internal;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.ssekit.SseMetrics;

/** Registers {@link SseMetrics} with the platform MBean server, and takes it away again. */
public final class MetricsMBean implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MetricsMBean.class.getName());

    private final ObjectName name;

    private MetricsMBean(ObjectName name) {
        this.name = name;
    }

    /** Registers as {@code org.ssekit:type=SseMetrics,context="...",name="..."}; never fails deployment. */
    public static MetricsMBean register(String context, String endpoint, SseMetrics metrics) {
        try {
            ObjectName name = new ObjectName("org.ssekit:type=SseMetrics,context="
                    + ObjectName.quote(context) + ",name=" + ObjectName.quote(endpoint));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(metrics, SseMetrics.class), name);
            return new MetricsMBean(name);
        } catch (JMException | SecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "SSE metrics not registered with JMX: {0}", e.toString());
            return new MetricsMBean(null);
        }
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(System.Logger.Level.DEBUG, "SSE metrics MBean already gone: {0}", e.toString());
        }
    }
}
