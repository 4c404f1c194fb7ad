package dev.ecsdashboard.ecs;

import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.lang.reflect.Method;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A Mockito {@link EcsClient} whose convenience overloads behave as in the SDK: a method taking a
 * {@code Consumer<Builder>} builds the request and calls the request-object overload, and a
 * paginator pages through the mocked request-object calls. Tests stub and verify the request-object
 * methods only.
 */
final class EcsClientMocks {

  private EcsClientMocks() {}

  static EcsClient mockEcsClient() {
    return mock(
        EcsClient.class,
        withSettings()
            .defaultAnswer(
                invocation ->
                    isConvenienceOverload(invocation.getMethod())
                        ? invocation.callRealMethod()
                        : RETURNS_DEFAULTS.answer(invocation)));
  }

  private static boolean isConvenienceOverload(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    boolean takesBuilder = parameters.length == 1 && parameters[0] == Consumer.class;
    return takesBuilder || method.getName().endsWith("Paginator");
  }
}
