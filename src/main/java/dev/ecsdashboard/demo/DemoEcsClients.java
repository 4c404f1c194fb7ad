package dev.ecsdashboard.demo;

import dev.ecsdashboard.ecs.EcsClients;
import dev.ecsdashboard.ecs.EcsProperties;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Builds the real SDK {@link EcsClient} of demo mode over a {@link DemoEcsHttpClient}: the same
 * retry strategy, timeouts and interceptors as in aws mode ({@link EcsClients}), static credentials
 * {@code demo}/{@code demo}, and the simulation's region.
 */
public final class DemoEcsClients {

  private DemoEcsClients() {}

  /** The caller closes the client. */
  public static EcsClient create(
      EcsProperties properties, DemoEcsHttpClient http, List<ExecutionInterceptor> interceptors) {
    return EcsClients.configure(EcsClient.builder(), properties, interceptors)
        .httpClient(http)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
        .region(Region.of(http.ecs().region()))
        .build();
  }
}
