/**
 * Lines for the engine's output. The engine shows what the dynamic provider
 * process prints (stdout as info, stderr as warnings) among the stack's
 * diagnostics; the plugin sends them to the engine's log service instead
 * (`useLogSink`), which every command shows (`pulumi import` included).
 */
type Sink = (severity: "info" | "warning", message: string) => void;

let sink: Sink | undefined;

/** Sends every line to `next` (the plugin's engine) instead of stdout and stderr. */
export function useLogSink(next: Sink | undefined): void {
  sink = next;
}

export const log = {
  info(message: string): void {
    if (sink) sink("info", `sinch-fax: ${message}`);
    else console.log(`sinch-fax: ${message}`);
  },
  warn(message: string): void {
    if (sink) sink("warning", `sinch-fax: warning: ${message}`);
    else console.error(`sinch-fax: warning: ${message}`);
  },
};
