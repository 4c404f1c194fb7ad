package dev.ecsdashboard.security;

import dev.ecsdashboard.cluster.ClusterService;
import dev.ecsdashboard.support.DemoAppTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The whole dashboard with the demo users, for the security tests. Until the demo ECS is on main,
 * ECS is an unreachable endpoint and the services that would call it are mocks; then this becomes
 * plain {@link DemoAppTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DemoAppTest
@TestPropertySource(
    properties = {
      "dashboard.ecs.mode=aws",
      "dashboard.ecs.region=us-east-1",
      "dashboard.ecs.endpoint=http://127.0.0.1:9"
    })
@MockitoBean(types = ClusterService.class)
@interface SecuredAppTest {}
