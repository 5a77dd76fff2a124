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
package org.ssekit;

/**
 * What a publish did: the id the event log gave the event, and how many subscribers took it
 * into their queue (a subscriber whose queue was full is not counted).
 *
 * <p>Thread safety: immutable.
 *
 * @param id the assigned event id, as clients see it in {@code id:} and send back in Last-Event-ID
 * @param accepted the number of subscribers that queued the event
 */
public record PublishResult(String id, int accepted) {
}
