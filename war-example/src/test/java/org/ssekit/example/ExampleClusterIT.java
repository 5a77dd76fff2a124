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
package org.ssekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example as a cluster, as README's cluster command starts it: a real Redis and three nodes
 * of the example, each in its own JVM, sharing their logs. A publish on one node reaches the
 * streams of the others with the same id; the conformance suite passes against every node's
 * servlet fixture, which declares the cluster and its peers.
 */
class ExampleClusterIT {
    private static ExampleCluster cluster;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        List<Integer> ports = List.of(ExampleCluster.freePort(), ExampleCluster.freePort(), ExampleCluster.freePort());
        cluster = ExampleCluster.start(ports, null, ExampleCluster.freePort(), Path.of("target", "cluster-it"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void res06APublishOnOneNodeReachesTheStreamsOfTheOthersWithOneId() throws Exception {
        String channel = "cluster-" + System.nanoTime();
        List<EventReader> readers = new ArrayList<>();
        try {
            for (int i = 1; i < cluster.size(); i++) {
                readers.add(EventReader.open(HTTP, cluster.node(i).resolve("conformance/servlet/events?channel=" + channel)));
            }
            HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(
                    cluster.node(0).resolve("conformance/servlet/publish?channel=" + channel))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"data\":\"across the cluster\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            String id = Json.parseObject(published.body()).get("id").toString();
            for (EventReader reader : readers) {
                EventReader.Event e = reader.next(Duration.ofSeconds(10));
                assertThat(e.data()).isEqualTo("across the cluster");
                assertThat(e.id()).isEqualTo(id);
            }
        } finally {
            for (EventReader reader : readers) {
                reader.close();
            }
        }
    }

    /**
     * The whole suite against node 1 (RES-06 and RES-07 included: it declares the other two as
     * its peers), and the cluster cases against nodes 2 and 3 (their other cases are node 1's
     * code on another port: the CI budget is better spent elsewhere).
     */
    @TestFactory
    Stream<DynamicContainer> theSuitePassesOnEveryNode() {
        Stream<DynamicContainer> first = Stream.of(DynamicContainer.dynamicContainer("node 1",
                ConformanceSelfTestIT.cases(cluster.node(0).resolve("conformance/servlet"), "cluster-node-1",
                        overHttp(), ConformanceSelfTestIT.MIN_OK, ConformanceSelfTestIT.IN_A_CLUSTER)));
        Stream<DynamicContainer> others = Stream.of(1, 2).map(i -> DynamicContainer.dynamicContainer(
                "node " + (i + 1) + ", cluster cases", ConformanceSelfTestIT.cases(
                        cluster.node(i).resolve("conformance/servlet"), "cluster-node-" + (i + 1),
                        org.ssekit.conformance.Options.builder().only(java.util.Set.of("RES-06", "RES-07")).build(),
                        2, ConformanceSelfTestIT.IN_A_CLUSTER)));
        return Stream.concat(first, others);
    }

    private static org.ssekit.conformance.Options overHttp() {
        return org.ssekit.conformance.Options.builder().only(org.ssekit.conformance.Cases.all().stream()
                .map(org.ssekit.conformance.ConformanceCase::id).filter(id -> !id.equals("H-05"))
                .collect(java.util.stream.Collectors.toSet())).build();
    }
}
