package dev.ecsdashboard.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the {@code {bcrypt}} hash of a password for {@code
 * dashboard.security.users[].password-hash}. The password is read from the terminal without echo
 * (or from standard input), never from the command line, where it would stay in the shell history.
 * The README shows how to run it from the jar.
 */
public final class PasswordHashTool {

  private PasswordHashTool() {}

  public static void main(String[] args) throws IOException {
    String password = read();
    if (password == null || password.isEmpty()) {
      System.err.println("No password given.");
      System.exit(1);
    }
    System.out.println(hash(password));
  }

  static String hash(String password) {
    return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
  }

  private static String read() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] password = console.readPassword("Password: ");
      return password == null ? null : new String(password);
    }
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
  }
}
