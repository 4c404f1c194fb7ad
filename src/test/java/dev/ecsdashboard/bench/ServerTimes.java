package dev.ecsdashboard.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;

/**
 * The server time of each request: from before the first filter (security included) until the page
 * or document has been written. The benchmark's client adds its own time on top (the JDK's HTTP
 * client sharing the same two cores); this is the figure the targets are about.
 */
final class ServerTimes implements Filter, Ordered {

  private final BlockingQueue<Double> millis = new LinkedBlockingQueue<>();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      millis.add((System.nanoTime() - start) / 1e6);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** Forgets the times recorded so far. */
  void clear() {
    millis.clear();
  }

  /** The time of the next request to finish, waiting for it up to 10 seconds. */
  double next() throws InterruptedException, IOException {
    Double next = millis.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new IOException("No request finished within 10 seconds");
    }
    return next;
  }
}
