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
/**
 * The suite's view of the wire: a raw HTTP/1.1 client that records a timestamped {@link
 * org.ssekit.conformance.client.WireLog}, an HTTP/2 cleartext probe on Jetty's low-level
 * client, the client of the conformance fixture, and {@link
 * org.ssekit.conformance.client.EventStreamParser}, the WHATWG-exact reference parser that
 * decides what a browser would dispatch.
 */
package org.ssekit.conformance.client;
