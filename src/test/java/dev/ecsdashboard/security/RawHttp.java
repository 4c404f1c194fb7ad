package dev.ecsdashboard.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Test only: a bare HTTP/1.1 client over a socket bound to a chosen local address, so that a test
 * can be a stranger on the loopback ({@code 127.0.0.1}) or the configured proxy ({@code
 * 127.0.0.2}). It sends the header lines exactly as given, {@code Host} included, and follows
 * nothing.
 */
final class RawHttp {

  private final String localAddress;
  private final int port;

  RawHttp(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  /**
   * @param request the request line's method and target, e.g. {@code GET /clusters}
   * @param headers header lines such as {@code X-Forwarded-Host: evil.example}; a {@code Host} line
   *     replaces the default {@code 127.0.0.1:port}
   * @param body a form body, or null
   */
  Response send(String request, List<String> headers, String body) {
    StringBuilder message = new StringBuilder(request).append(" HTTP/1.1\r\n");
    if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
      message.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    headers.forEach(header -> message.append(header).append("\r\n"));
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      message.append("Content-Type: application/x-www-form-urlencoded\r\n");
      message.append("Content-Length: ").append(content.length).append("\r\n");
    }
    message.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(10_000);
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      OutputStream out = socket.getOutputStream();
      out.write(message.toString().getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return Response.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Response get(String path, String... headers) {
    return send("GET " + path, List.of(headers), null);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * @param status the status code
   * @param headers the header values by lower-case name
   * @param body the body as sent (chunk sizes included when chunked)
   */
  record Response(int status, Map<String, List<String>> headers, String body) {

    static Response parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
      return new Response(status, headers, end < 0 ? "" : raw.substring(end + 4));
    }

    Optional<String> header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
    }

    /** The session cookie's {@code name=value}, for the next request's {@code Cookie} header. */
    String sessionCookie() {
      return header("Set-Cookie").orElseThrow().split(";", 2)[0];
    }
  }
}
