package dev.ecsdashboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the hostile-input tests of the pages and of the API share: a running task of the demo's
 * default cluster to aim at, a valid reason to send beside a hostile value, and the check that no
 * StopTask reached the demo ECS.
 */
public abstract class HostileInputTestBase {

  protected static final String VALID_REASON = "hostile input drill";

  @Autowired protected MockMvc mvc;
  @Autowired protected DemoEcs demo;
  @Autowired protected DemoEcsHttpClient http;

  /** The ID of a running task of the default cluster. */
  protected String running;

  private long stopsBefore;

  @BeforeEach
  void findARunningTask() {
    running =
        demo.tasks("default").stream()
            .filter(t -> "RUNNING".equals(t.desiredStatus()))
            .map(t -> t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1))
            .findFirst()
            .orElseThrow();
    stopsBefore = http.callCount("StopTask");
  }

  /** Sends a request carrying a hostile value and checks the answer ({@link HostileRequests}). */
  protected void send(MockHttpServletRequestBuilder request, String payload) {
    HostileRequests.send(mvc, request, payload);
  }

  protected void assertNoStopTask() {
    assertThat(http.callCount("StopTask")).isEqualTo(stopsBefore);
  }
}
