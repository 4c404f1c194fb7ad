package dev.ecsdashboard.security;

import dev.ecsdashboard.ecs.EcsProperties;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an MVC slice test of the dashboard needs beside {@code @WebMvcTest}: the real security rules
 * (sign-in throttling included), the demo profile's users, so that each test signs in as a real
 * demo user, and {@link ClusterAccess}, so that templates can ask {@code
 * ${@clusterAccess.canStop(cluster)}}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles("demo")
@Import({
  SecurityConfiguration.class,
  UserSourceConfiguration.class,
  SignInConfiguration.class,
  ClusterAccess.class
})
@EnableConfigurationProperties({
  EcsProperties.class,
  SecurityProperties.class,
  DemoUsersProperties.class,
  SignInProperties.class
})
public @interface DashboardWebMvcTest {}
