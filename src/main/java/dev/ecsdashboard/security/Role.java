package dev.ecsdashboard.security;

/** What a user may do: read, stop, and (admin) read everyone's audit trail and Actuator. */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
