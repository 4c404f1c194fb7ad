package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: whether the data is the demo's. */
@ControllerAdvice
class LayoutModelAdvice {

  private final EcsProperties ecs;

  LayoutModelAdvice(EcsProperties ecs) {
    this.ecs = ecs;
  }

  @ModelAttribute("demoMode")
  boolean demoMode() {
    return ecs.mode() == EcsProperties.Mode.DEMO;
  }
}
