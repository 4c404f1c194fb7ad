package dev.ecsdashboard.web;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page's model the {@link TimeFormat} its time fragments use, on the application's
 * {@link Clock} when there is one.
 */
@ControllerAdvice
class TimeModelAdvice {

  private final TimeFormat times;

  TimeModelAdvice(ObjectProvider<Clock> clock, MessageSource messages) {
    this.times = new TimeFormat(clock.getIfAvailable(Clock::systemUTC), messages);
  }

  @ModelAttribute("times")
  TimeFormat times() {
    return times;
  }
}
