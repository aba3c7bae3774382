package org.port8000.perf.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each fault switch does what its name says; all of them are off by default. */
class FaultSwitchesTest {

    @Test
    void allSwitchesAreOffByDefault() {
        FaultSwitches f = ReferenceConfig.defaultsOnFreePort().faults();
        assertEquals(FaultSwitches.OFF, f);
        assertTrue(f.describeActive().isEmpty());
    }

    @Test
    void replyLatencyDelaysWebSocketRepliesAndTasksByAtLeastThatMuch() {
        try (ReferenceServer server = TestServers.start("reference.fault.replyLatencyMs", "300");
             WsClient ws = new WsClient(server.baseUrl())) {
            long t0 = System.nanoTime();
            ws.send("{\"type\":\"message\",\"content\":\"slow please\"}");
            ws.until("response");
            long wsMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(wsMs >= 300, "WebSocket reply after " + wsMs + " ms");

            Http http = new Http(server.baseUrl());
            http.postJson("/api/bot/launch", "{\"bot_id\":\"slow\",\"adapter\":\"mock\"}");
            long t1 = System.nanoTime();
            assertTrue(http.postJson("/api/bot/slow/task", "{\"command\":\"x\"}").path("success").asBoolean());
            long taskMs = (System.nanoTime() - t1) / 1_000_000;
            assertTrue(taskMs >= 300, "task reply after " + taskMs + " ms");
        }
    }

    @Test
    void dropRateOneSendsNoReplyButHeartbeatsStillAck() {
        try (ReferenceServer server = TestServers.start("reference.fault.dropRate", "1");
             WsClient ws = new WsClient(server.baseUrl())) {
            ws.send("{\"type\":\"message\",\"content\":\"lost\"}");
            assertNull(ws.next(Duration.ofSeconds(1)), "a dropped message gets no frame at all");
            ws.send("{\"type\":\"heartbeat\",\"seq\":5}");
            JsonNode ack = ws.next();
            assertEquals("heartbeat_ack", ack.path("type").asText());
            assertEquals(5, ack.path("seq").asInt());
        }
    }

    @Test
    void dropRateDropsTheSameRepliesForTheSameSeed() {
        FaultInjector a = new FaultInjector(FaultSwitches.OFF.withDropRate(0.5));
        FaultInjector b = new FaultInjector(FaultSwitches.OFF.withDropRate(0.5));
        int dropped = 0;
        for (int i = 0; i < 200; i++) {
            boolean da = a.shouldDropReply();
            assertEquals(da, b.shouldDropReply());
            dropped += da ? 1 : 0;
        }
        assertTrue(dropped > 50 && dropped < 150, "dropped " + dropped + " of 200 at rate 0.5");
    }

    @Test
    void leakBytesPerMessageRetainsThatManyBytesPerChatMessage() {
        long before = FaultInjector.leakedBytes();
        int blocksBefore = FaultInjector.leakedBlocks();
        try (ReferenceServer server = TestServers.start("reference.fault.leakBytesPerMessage", "100000",
                "reference.llm.tokenDelayMs", "0");
             WsClient ws = new WsClient(server.baseUrl())) {
            for (int i = 0; i < 5; i++) {
                ws.send("{\"type\":\"message\",\"content\":\"leak " + i + "\"}");
                ws.until("response");
            }
            assertEquals(before + 500_000, FaultInjector.leakedBytes());
            assertEquals(blocksBefore + 5, FaultInjector.leakedBlocks());
            String metrics = new Http(server.baseUrl()).get("/metrics").body();
            assertTrue(metrics.contains("port8000_fault_leaked_bytes " + (before + 500_000)), metrics);
        }
    }

    @Test
    void noLeakWithTheSwitchOff() {
        long before = FaultInjector.leakedBytes();
        try (ReferenceServer server = TestServers.start("reference.llm.tokenDelayMs", "0");
             WsClient ws = new WsClient(server.baseUrl())) {
            ws.send("{\"type\":\"message\",\"content\":\"clean\"}");
            ws.until("response");
        }
        assertEquals(before, FaultInjector.leakedBytes());
    }

    @Test
    void uiRenderDelayAppearsInUiConfigScript() {
        try (ReferenceServer server = TestServers.start("reference.fault.uiRenderDelayMs", "250")) {
            Http.Reply r = new Http(server.baseUrl()).get("/ui-config.js");
            assertEquals("window.PORT8000_UI = {\"renderDelayMs\": 250};", r.body().trim());
        }
    }

    @Test
    void taskErrorRateOneAnswersEveryTaskWithHttp200AndSuccessFalse() {
        try (ReferenceServer server = TestServers.start("reference.fault.taskErrorRate", "1")) {
            Http http = new Http(server.baseUrl());
            http.postJson("/api/bot/launch", "{\"bot_id\":\"flaky\",\"adapter\":\"mock\"}");
            JsonNode answer = http.postJson("/api/bot/flaky/task", "{\"command\":\"x\"}");
            assertEquals(false, answer.path("success").asBoolean(true));
            assertTrue(answer.path("error").asText().contains("taskErrorRate"), answer.toString());
            assertTrue(server.config().faults().describeActive().contains("taskErrorRate=1.0"));
        }
    }

    @Test
    void taskErrorRateFailsAboutThatShareOfTasks() {
        FaultInjector f = new FaultInjector(FaultSwitches.OFF.withTaskErrorRate(0.3));
        int failed = 0;
        for (int i = 0; i < 1000; i++) {
            failed += f.shouldFailTask() ? 1 : 0;
        }
        assertTrue(failed > 200 && failed < 400, failed + " of 1000 failed");
        assertTrue(!new FaultInjector(FaultSwitches.OFF).shouldFailTask());
    }
}
