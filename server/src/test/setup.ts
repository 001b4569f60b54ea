// Tests that call services without building the app still need what the composition root installs.
import "../features/policies.js";
