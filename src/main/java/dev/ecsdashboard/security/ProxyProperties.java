package dev.ecsdashboard.security;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reverse proxies and load balancers in front of the dashboard, whose {@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host} and {@code -Port} headers are believed ({@link ForwardedHeaders}).
 * None by default: a request's headers are then its own, whichever address it comes from.
 *
 * @param trustedProxies addresses ({@code 10.0.3.7}, {@code fd00::7}) and networks in CIDR notation
 *     ({@code 10.0.0.0/16})
 */
@Validated
@ConfigurationProperties("dashboard.web")
public record ProxyProperties(@NotNull @DefaultValue List<String> trustedProxies) {

  private static final Pattern ADDRESS =
      Pattern.compile("(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?:/\\d{1,3})?");

  public ProxyProperties {
    for (String proxy : trustedProxies) {
      if (proxy == null || !ADDRESS.matcher(proxy.strip()).matches()) {
        throw new IllegalArgumentException(
            "dashboard.web.trusted-proxies: \""
                + proxy
                + "\" is not an IP address or a network in CIDR notation (10.0.0.0/16, fd00::/8);"
                + " host names are not accepted.");
      }
    }
    trustedProxies = List.copyOf(trustedProxies.stream().map(String::strip).toList());
  }

  /** The proxies as CIDR networks, a lone address as a network of one. */
  List<String> cidrs() {
    return trustedProxies.stream()
        .map(p -> p.contains("/") ? p : p + (p.contains(":") ? "/128" : "/32"))
        .toList();
  }
}
