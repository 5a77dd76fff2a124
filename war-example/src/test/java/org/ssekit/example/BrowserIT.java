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
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * Every demo page in real headless Chromium with its own EventSource (or fetch): events
 * arrive, and after the server drops every stream the page reconnects by itself, resumes with
 * Last-Event-ID and shows each event exactly once. Screenshots go to target/screenshots/.
 */
class BrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ExampleServer server;
    private static HttpClient http;
    private Browser browser;

    @BeforeAll
    static void startServer() throws Exception {
        server = ExampleServer.start(0);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static URI localhost(String path) {
        return server.uri().resolve(path);
    }

    private static void dropAllStreams() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(localhost("api/drop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** Streams resumed with Last-Event-ID so far, as the dashboard stream reports them. */
    private static long resumes() throws Exception {
        try (EventReader dashboard = EventReader.open(http, localhost("sse/dashboard"))) {
            Map<String, Object> sample = Json.parseObject(dashboard.next(Duration.ofSeconds(5)).data());
            return (Long) sample.get("resumes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "dashboard.html", "logs.html"})
    void pageResumesAfterAServerSideDropWithEveryEventOnce(String page) throws Exception {
        browser.driver.get(localhost(page).toString());
        browser.waiting(WAIT).until(d -> browser.state().equals("open") && browser.counter("received") >= 2);
        long before = browser.counter("received");
        long resumesBefore = resumes();

        dropAllStreams();
        browser.waiting(WAIT).until(d -> browser.counter("reconnects") >= 1 && browser.state().equals("open")
                && browser.counter("received") >= before + 3);

        assertThat(browser.counter("missed")).as("events lost across the reconnect").isZero();
        assertThat(browser.counter("repeated")).as("events shown twice").isZero();
        assertThat(resumes()).as("the page came back with Last-Event-ID").isGreaterThan(resumesBefore);
        browser.screenshot(page.replace(".html", ""));
    }

    @Test
    void chatShowsHistoryAndLiveMessagesOnceAcrossADrop() throws Exception {
        browser.driver.get(localhost("chat.html").toString());
        browser.waiting(WAIT).until(d -> browser.state().equals("open"));
        say("ann", "first, before the drop");
        browser.waiting(WAIT).until(d -> browser.counter("received") >= 1);
        dropAllStreams();
        browser.waiting(WAIT).until(d -> browser.counter("reconnects") >= 1 && browser.state().equals("open"));
        say("ann", "second, after the drop");
        browser.waiting(WAIT).until(d -> d.findElement(By.id("messages")).getText().contains("second, after the drop"));
        assertThat(browser.counter("repeated")).isZero();
        browser.driver.navigate().refresh();
        browser.waiting(WAIT).until(d -> d.findElement(By.id("messages")).getText().contains("second, after the drop"));
        assertThat(browser.driver.findElement(By.id("messages")).getText()).contains("first, before the drop");
        browser.screenshot("chat");
    }

    private void say(String name, String text) {
        var nameField = browser.driver.findElement(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
        browser.driver.findElement(By.id("text")).sendKeys(text);
        browser.driver.findElement(By.cssSelector("#say button")).click();
    }

    @Test
    void tokenStreamEndsWithDoneAndSurvivesADrop() throws Exception {
        browser.driver.get(localhost("tokens.html").toString());
        browser.driver.findElement(By.id("ask-button")).click();
        browser.waiting(WAIT).until(d -> browser.counter("received") >= 10);
        dropAllStreams();
        browser.waiting(WAIT).until(d -> browser.state().equals("done"));
        assertThat(browser.counter("reconnects")).isPositive();
        assertThat(browser.counter("missed")).isZero();
        assertThat(browser.counter("repeated")).isZero();
        String answer = browser.driver.findElement(By.id("answer")).getText();
        assertThat(answer).startsWith("You asked: \"Why use Server-Sent Events").endsWith("[DONE]");
        assertThat(answer).contains("When the answer is complete the server sends [DONE] and closes.");
        browser.screenshot("tokens");
    }

    @Test
    void bearerTokenStreamReadWithFetchGetsTheUsersEventsAndAWrongTokenIsRefused() throws Exception {
        browser.driver.get(localhost("bearer.html").toString());
        browser.driver.findElement(By.id("bad-button")).click();
        browser.waiting(WAIT).until(d -> d.findElement(By.id("status")).getText().startsWith("403"));
        assertThat(browser.driver.findElement(By.id("status")).getText()).contains("unknown or revoked token");
        browser.driver.findElement(By.id("token-button")).click();
        browser.waiting(WAIT).until(d -> d.findElement(By.id("token")).getText().length() > 20);
        browser.driver.findElement(By.id("connect-button")).click();
        browser.waiting(WAIT).until(d -> browser.state().equals("open"));
        browser.driver.findElement(By.id("ping-button")).click();
        browser.waiting(WAIT).until(d -> d.findElements(By.cssSelector("#events li")).size() == 1);
        assertThat(browser.driver.findElement(By.cssSelector("#events li")).getText())
                .isEqualTo("ping: {\"text\":\"hello alice\"}");
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(localhost("sse/private"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        browser.screenshot("bearer");
    }

    /** Logs in on the notification page (served from pageOrigin, API at server) and sends to oneself. */
    private void notifyMyself(String pageOrigin, String server, String user) throws Exception {
        browser.driver.get(pageOrigin + "/notifications.html" + (server == null ? "" : "?server=" + server));
        browser.waiting(WAIT).until(d -> d.findElement(By.id("user")).isDisplayed());
        browser.driver.findElement(By.id("user")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.cssSelector("#login button")).click();
        browser.waiting(WAIT).until(d -> browser.state().equals("open"));
        browser.driver.findElement(By.id("to")).sendKeys(user);
        browser.driver.findElement(By.id("text")).sendKeys("hello " + user);
        browser.driver.findElement(By.cssSelector("#send button")).click();
        browser.waiting(WAIT).until(d -> d.findElement(By.id("inbox")).getText().contains("hello " + user));
        dropAllStreams();
        browser.waiting(WAIT).until(d -> browser.counter("reconnects") >= 1 && browser.state().equals("open"));
        assertThat(browser.counter("received")).isEqualTo(1);
        assertThat(browser.counter("repeated")).isZero();
    }

    @Test
    void notificationsSameOrigin() throws Exception {
        notifyMyself("http://localhost:" + server.port(), null, "carol");
        browser.screenshot("notifications");
    }

    @Test
    void notificationsFromASecondOriginWithCredentials() throws Exception {
        notifyMyself("http://127.0.0.1:" + server.port(), "http://localhost:" + server.port() + "/", "dave");
        assertThat(browser.driver.findElement(By.id("origins")).getText()).contains("cross-origin");
        browser.screenshot("notifications-cross-origin");
    }

    @Test
    void anOriginNotOnTheAllowlistIsRefused() throws Exception {
        int other = server.openExtraPort();
        browser.driver.get("http://127.0.0.1:" + other + "/notifications.html?server=http://localhost:" + server.port() + "/");
        browser.waiting(WAIT).until(d -> browser.state().equals("refused"));
        assertThat(browser.driver.findElement(By.id("problem")).getText()).contains("refused");
        browser.screenshot("notifications-refused");
    }
}
