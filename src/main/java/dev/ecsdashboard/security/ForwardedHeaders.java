package dev.ecsdashboard.security;

import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Forwarded headers are believed only from {@code dashboard.web.trusted-proxies}. Spring Boot's
 * {@code server.forward-headers-strategy: native} installs Tomcat's {@link RemoteIpValve}, which by
 * default trusts every private and loopback address; this narrows it to the configured proxies (or
 * none), so that {@code X-Forwarded-Host} cannot point redirects elsewhere, {@code
 * X-Forwarded-Proto} cannot make a plain request count as HTTPS, and {@code X-Forwarded-For} cannot
 * choose the address that sign-in throttling counts.
 */
@Component
@ConditionalOnClass(RemoteIpValve.class)
class ForwardedHeaders implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ForwardedHeaders.class);

  private final ProxyProperties properties;

  ForwardedHeaders(ProxyProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customize(TomcatWebServerFactory factory) {
    List<String> cidrs = properties.cidrs();
    // Parsed as Tomcat will parse them, so that a mistake stops the start-up here, in plain words.
    cidrs.forEach(NetMask::new);
    for (Valve valve : factory.getEngineValves()) {
      if (valve instanceof RemoteIpValve remoteIp) {
        // Tomcat reads a value with a '/' as CIDR networks, and an empty one as none.
        remoteIp.setInternalProxies(String.join(", ", cidrs));
        remoteIp.setTrustedProxies(null);
        log.info(
            "Forwarded headers are believed from {}",
            cidrs.isEmpty() ? "no address (dashboard.web.trusted-proxies is empty)" : cidrs);
      }
    }
  }

  /** After Spring Boot's own Tomcat customizer, which installs the valve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
