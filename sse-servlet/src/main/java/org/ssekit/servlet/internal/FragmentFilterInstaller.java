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

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.ssekit.servlet.SseFilter;

/**
 * Declared by the jar's {@code META-INF/web-fragment.xml}: adds an {@link SseFilter} named
 * {@value #FILTER_NAME} when, and only when, the application asks for it with the context
 * parameter {@value #ENABLED} {@code = true}. Without that parameter it does nothing.
 *
 * <ul>
 *   <li>{@value #MAPPING}: the URL patterns, comma-separated (default {@value #DEFAULT_MAPPING});
 *   <li>{@value #PREFIX}{@code <name>}: passed to the filter as init-param {@code <name>}
 *       (for instance {@code org.ssekit.filter.heartbeatMillis}).
 * </ul>
 * A bad value fails deployment with an exception naming the parameter.
 *
 * <p>Thread safety: the container calls it once per application start, on one thread.
 */
public final class FragmentFilterInstaller implements ServletContextListener {
    /** The prefix of every context parameter read here. */
    public static final String PREFIX = "org.ssekit.filter.";
    /** {@code true} adds the filter; {@code false} or absent leaves the application alone. */
    public static final String ENABLED = PREFIX + "enabled";
    /** The URL patterns of the filter, comma-separated. */
    public static final String MAPPING = PREFIX + "mapping";
    /** The patterns used when {@link #MAPPING} is absent or blank. */
    public static final String DEFAULT_MAPPING = "/events";
    /** The name the filter is registered under ({@code SseFilter.broadcaster(context, "ssekit")}). */
    public static final String FILTER_NAME = "ssekit";

    private static final System.Logger LOG = System.getLogger(FragmentFilterInstaller.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (!enabled(context.getInitParameter(ENABLED))) {
            return;
        }
        List<String> patterns = patterns(context.getInitParameter(MAPPING));
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, SseFilter.class);
        if (filter == null) {
            throw new IllegalStateException(ENABLED + "=true, but the application already has a filter named \""
                    + FILTER_NAME + "\"; remove it or the context parameter");
        }
        filter.setAsyncSupported(true);
        for (String name : Collections.list(context.getInitParameterNames())) {
            if (name.startsWith(PREFIX) && !name.equals(ENABLED) && !name.equals(MAPPING)) {
                filter.setInitParameter(name.substring(PREFIX.length()), context.getInitParameter(name));
            }
        }
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, patterns.toArray(String[]::new));
        LOG.log(Level.INFO, "ssekit: SseFilter \"{0}\" added by the web fragment on {1}", FILTER_NAME, patterns);
    }

    static boolean enabled(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new IllegalArgumentException(ENABLED + ": expected true or false, got \"" + value + "\"");
        };
    }

    static List<String> patterns(String value) {
        if (value == null || value.isBlank()) {
            return List.of(DEFAULT_MAPPING);
        }
        List<String> patterns = new ArrayList<>();
        for (String part : value.split(",")) {
            String pattern = part.trim();
            boolean valid = pattern.startsWith("/") || pattern.startsWith("*.") && pattern.length() > 2;
            if (!valid || pattern.contains("\"")) {
                throw new IllegalArgumentException(MAPPING + ": \"" + pattern
                        + "\" is not a URL pattern (starts with / or *.)");
            }
            patterns.add(pattern);
        }
        return List.copyOf(patterns);
    }
}
