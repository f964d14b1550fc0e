// In the browser zod must not probe for eval: under the page's CSP (no 'unsafe-eval') the probe is refused and
// reported as a violation. Interpreted parsing is fast enough for forms; imported once by the root providers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
