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
package org.ssekit.conformance;

/**
 * The target cannot be checked at all: a malformed URL, an unsupported scheme, or a server
 * that cannot be reached. The message is one line meant for a person.
 */
public final class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message. */
    public TargetException(String message) {
        super(message);
    }

    /** An exception with a one-line message and its cause. */
    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
