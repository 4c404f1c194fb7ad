package dev.ecsdashboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the local users are the demo's, whose passwords are their names (so anyone can sign in as
 * {@code admin}/{@code admin}). Only {@code application-demo.yml}, which defines those users, sets
 * it: an explicit marker rather than a guess from the users' names or hashes, which would break the
 * day the demo users change. While it is set, the dashboard starts only against the demo ECS or an
 * ECS endpoint on this machine ({@link UserSourceConfiguration}), and every page says that demo
 * users are active.
 *
 * <p>A record of its own beside {@link SecurityProperties}, under the same prefix, as it is about
 * the demo profile rather than about configuring users.
 *
 * @param demoUsers whether {@code dashboard.security.users} are the demo's users
 */
@ConfigurationProperties("dashboard.security")
public record DemoUsersProperties(@DefaultValue("false") boolean demoUsers) {}
