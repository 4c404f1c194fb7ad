package dev.ecsdashboard.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * One HTTP exchange with the simulated ECS: counts the call, waits out the configured latency,
 * throws the fault dice, and answers as ECS would. Waiting (latency, or a hang until the caller
 * gives up) ends early when the SDK aborts the request or interrupts the thread, as its {@code
 * apiCallAttemptTimeout} does, and then fails with an {@link IOException} as a real connection
 * would.
 */
final class DemoHttpCall implements ExecutableHttpRequest {

  /** A hung call gives up by itself after this long, so that no thread waits forever. */
  static final Duration HANG_LIMIT = Duration.ofMinutes(2);

  static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";

  private final DemoEcsHttpClient client;
  private final HttpExecuteRequest request;
  private final CountDownLatch aborted = new CountDownLatch(1);

  DemoHttpCall(DemoEcsHttpClient client, HttpExecuteRequest request) {
    this.client = client;
    this.request = request;
  }

  @Override
  public HttpExecuteResponse call() throws IOException {
    SdkHttpRequest http = request.httpRequest();
    Optional<String> target = http.firstMatchingHeader("X-Amz-Target");
    String operation =
        target
            .filter(t -> t.startsWith(TARGET_PREFIX) && http.method() == SdkHttpMethod.POST)
            .map(t -> t.substring(TARGET_PREFIX.length()))
            .orElse(null);
    client.log().received(operation == null ? target.orElse("(none)") : operation);
    DemoFaults faults = client.faults();
    pause(faults.latency());
    switch (client.dice().roll(faults)) {
      case THROTTLE:
        return respond(DemoWire.error(DemoEcsError.throttling()));
      case SERVER_ERROR:
        return respond(
            DemoWire.error(DemoEcsError.server("An internal error occurred. Try again later.")));
      case HANG:
        pause(HANG_LIMIT);
        throw new IOException("The simulated ECS did not answer within " + HANG_LIMIT);
      default:
        break;
    }
    if (operation == null) {
      return respond(DemoWire.error(DemoEcsError.unknownOperation(target.orElse(null))));
    }
    return respond(client.answer(operation, body()));
  }

  @Override
  public void abort() {
    aborted.countDown();
  }

  private void pause(Duration duration) throws IOException {
    if (duration.isZero() && aborted.getCount() > 0) {
      return;
    }
    try {
      if (aborted.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new IOException("The request to the simulated ECS was aborted");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for the simulated ECS");
    }
  }

  private byte[] body() throws IOException {
    Optional<ContentStreamProvider> content = request.contentStreamProvider();
    if (content.isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = content.get().newStream()) {
      return in.readAllBytes();
    }
  }

  private static HttpExecuteResponse respond(DemoWire.Answer answer) {
    SdkHttpResponse response =
        SdkHttpResponse.builder()
            .statusCode(answer.status())
            .statusText(
                answer.status() == 200
                    ? "OK"
                    : answer.status() == 400 ? "Bad Request" : "Internal Server Error")
            .putHeader("Content-Type", DemoWire.CONTENT_TYPE)
            .putHeader("Content-Length", Integer.toString(answer.body().length))
            .putHeader("x-amzn-RequestId", UUID.randomUUID().toString())
            .build();
    return HttpExecuteResponse.builder()
        .response(response)
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
        .build();
  }
}
