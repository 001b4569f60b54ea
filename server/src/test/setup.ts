// Tests that call services without building the app still get what the composition root installs:
// the policy table and every feature's domain-event listeners.
import "../features/registry.js";
