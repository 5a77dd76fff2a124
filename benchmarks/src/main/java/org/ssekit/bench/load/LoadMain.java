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
package org.ssekit.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A load-generator process: one {@link ClientPool} driven by line commands on stdin, one
 * answer line per command on stdout ({@code ok ...} or {@code err ...}).
 *
 * <pre>
 * open HOST PORT PATH COUNT SRC_FIRST SRC_COUNT SLOW_FIRST(0|1)   -> ok SUCCEEDED FAILED
 * churn HOST PORT PATH COUNT SRC_FIRST SRC_COUNT PER_SECOND      -> ok SUCCEEDED FAILED
 * reset | pause | closeall                                         -> ok
 * stats                                                            -> ok EVENTS BEATS OPEN LOST HISTOGRAM
 * quit
 * </pre>
 * Source addresses are 127.0.0.SRC_FIRST and the SRC_COUNT - 1 after it.
 */
public final class LoadMain {
    private static final int MAX_IN_FLIGHT = 256;
    private static final long OPEN_TIMEOUT_MINUTES = 10;

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        ClientPool pool = new ClientPool();
        Thread selector = new Thread(pool, "load-selector");
        selector.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        System.out.println("ready");
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            System.out.println(answer(pool, line.trim().split(" ")));
            System.out.flush();
        }
        pool.shutdown();
        selector.join(5000);
        System.exit(0);
    }

    private static String answer(ClientPool pool, String[] cmd) {
        try {
            return "ok " + execute(pool, cmd);
        } catch (Exception e) {
            return "err " + e;
        }
    }

    private static String execute(ClientPool pool, String[] cmd) throws Exception {
        switch (cmd[0]) {
            case "open":
            case "churn":
                return open(pool, cmd);
            case "reset":
                return pool.call(() -> { pool.reset(); return ""; }, 5000);
            case "pause":
                return pool.call(() -> { pool.pauseFirst(); return ""; }, 5000);
            case "closeall":
                return pool.call(() -> { pool.closeAll(); return ""; }, 30000);
            case "stats":
                return pool.call(pool::stats, 5000);
            default:
                throw new IllegalArgumentException("unknown command " + cmd[0]);
        }
    }

    private static String open(ClientPool pool, String[] cmd) throws Exception {
        boolean churn = cmd[0].equals("churn");
        InetSocketAddress target = new InetSocketAddress(cmd[1], Integer.parseInt(cmd[2]));
        int count = Integer.parseInt(cmd[4]);
        List<InetAddress> sources = sources(Integer.parseInt(cmd[5]), Integer.parseInt(cmd[6]));
        boolean slow = !churn && cmd[7].equals("1");
        double perSecond = churn ? Double.parseDouble(cmd[7]) : 0;
        return pool.open(target, cmd[3], sources, count, MAX_IN_FLIGHT, churn, slow, perSecond)
                .get(OPEN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    }

    private static List<InetAddress> sources(int first, int count) throws Exception {
        List<InetAddress> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (first + i)}));
        }
        return list;
    }
}
