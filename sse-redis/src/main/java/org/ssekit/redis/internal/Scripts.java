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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The two Lua scripts of the log. Each runs atomically, so the epoch an entry carries is the
 * epoch key's value at the moment the entry was added, and a node that connects learns the
 * epoch and the stream's tail in one step. Run by SHA, sent whole when Redis lost its script
 * cache (a restart).
 */
final class Scripts {
    /**
     * KEYS: log, epoch. ARGV: a fresh epoch (used only when the key is missing), MAXLEN (0: none),
     * max age in ms (0: none), then the entry's fields. Returns {epoch, entry id}.
     */
    static final Scripts APPEND = new Scripts("""
            local epoch = redis.call('GET', KEYS[2])
            if not epoch then
              redis.call('SET', KEYS[2], ARGV[1])
              epoch = ARGV[1]
            end
            local cmd = {'XADD', KEYS[1]}
            if tonumber(ARGV[2]) > 0 then
              cmd[#cmd + 1] = 'MAXLEN'
              cmd[#cmd + 1] = '~'
              cmd[#cmd + 1] = ARGV[2]
            end
            cmd[#cmd + 1] = '*'
            cmd[#cmd + 1] = 'e'
            cmd[#cmd + 1] = epoch
            for i = 4, #ARGV do
              cmd[#cmd + 1] = ARGV[i]
            end
            local id = redis.call(unpack(cmd))
            local maxAge = tonumber(ARGV[3])
            if maxAge > 0 then
              local t = redis.call('TIME')
              local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', now - maxAge))
            end
            return {epoch, id}
            """);

    /**
     * KEYS: log, epoch, commits. ARGV: a fresh epoch (used only when the key is missing).
     * Returns {epoch, newest entry id or '', newest commit entry id or '', committed id or ''}.
     */
    static final Scripts SETUP = new Scripts("""
            local epoch = redis.call('GET', KEYS[2])
            if not epoch then
              redis.call('SET', KEYS[2], ARGV[1])
              epoch = ARGV[1]
            end
            local tail = ''
            local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            if #last > 0 then
              tail = last[1][1]
            end
            local commitId = ''
            local committed = ''
            local c = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
            if #c > 0 then
              commitId = c[1][1]
              committed = c[1][2][2]
            end
            return {epoch, tail, commitId, committed}
            """);

    private final String text;
    private final String sha;

    private Scripts(String text) {
        this.text = text;
        try {
            this.sha = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** Runs the script asynchronously; its reply is a list of strings. */
    CompletionStage<List<Object>> runAsync(StatefulRedisConnection<String, String> c, String[] keys, String... args) {
        CompletionStage<List<Object>> bySha = c.async().evalsha(sha, ScriptOutputType.MULTI, keys, args);
        return bySha.exceptionallyCompose(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            if (cause instanceof RedisNoScriptException) {
                return c.async().<List<Object>>eval(text, ScriptOutputType.MULTI, keys, args);
            }
            return java.util.concurrent.CompletableFuture.failedFuture(cause);
        });
    }

    /** Runs the script on the calling thread. */
    List<Object> run(StatefulRedisConnection<String, String> c, String[] keys, String... args) {
        try {
            return c.sync().evalsha(sha, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            return c.sync().eval(text, ScriptOutputType.MULTI, keys, args);
        }
    }
}
