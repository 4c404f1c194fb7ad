package dev.ecsdashboard.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole dashboard in demo mode on real ports, with Actuator on a port of its own as in
 * production ({@code management.server.port}; the test profile otherwise keeps it on the
 * application's port for MockMvc), and ECS timeouts and a bound on requests waiting on ECS small
 * enough that tests can drive a hung ECS and load quickly: a hung call ends after 5 s without a
 * second attempt, a request may wait 5 s, and at most 4 requests wait on ECS at once. Tests that
 * share this exact configuration share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "dashboard.ecs.api-call-attempt-timeout=10s",
      "dashboard.ecs.api-call-timeout=5s",
      "dashboard.ecs.request-timeout=5s",
      "dashboard.ecs.max-waiting=4",
      "dashboard.ecs.wait-for-place=50ms",
      "dashboard.audit.directory=target/test-audit-ports"
    })
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
public @interface ActuatorPortAppTest {}
