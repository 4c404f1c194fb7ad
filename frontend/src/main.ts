// The dashboard's script: it only enhances server-rendered pages that work without it.
import "./styles/app.css";
import { refreshTimes } from "./time";

function start(): void {
  refreshTimes(document);
  window.setInterval(() => refreshTimes(document), 15_000);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
